/**
 * A plain parameterised SQL read ($1, $2, ...), for the few hot queries where the ORM's
 * per-call cost dominates (the marketplace listing; see bench/). Same pool, same database.
 */
export type SqlReader = <Row>(text: string, values: unknown[]) => Promise<Row[]>;
