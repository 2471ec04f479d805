// The driver adapter the wasm schema engine runs its SQL through: adapter-pg on pools this
// factory owns, with the fixes the engine needs (whole-script execution, PostgreSQL's "char"
// type, shadow databases of our own).
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { dropStaleDatabases, throwawayName, withDatabase } from "./pg-admin";

const SHADOW_PREFIX = "prisma_shadow_";
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** pg error -> the adapter's error shape, so the engine prints PostgreSQL's own message. */
function toAdapterError(e: unknown): unknown {
  if (e instanceof pg.DatabaseError) {
    return new DriverAdapterError({
      kind: "postgres",
      code: e.code ?? "N/A",
      severity: e.severity ?? "N/A",
      message: e.message,
      detail: e.detail,
      column: e.column,
      hint: e.hint,
    });
  }
  return e;
}

// adapter-pg 7.10 throws on PostgreSQL's internal "char" type (OID 18), which the engine reads
// from pg_catalog (constraint kinds...). Relabel those fields as text before the adapter sees
// them, remember which columns they were (keyed by the rows array, which the adapter passes
// through), and report them as Character, which is what the engine expects.
const charColumns = new WeakMap<object, number[]>();

function relabelCharFields(res: unknown): unknown {
  for (const r of Array.isArray(res) ? res : [res]) {
    const result = r as Partial<pg.QueryResult> | undefined;
    if (!result?.fields || !result.rows) continue;
    const cols: number[] = [];
    result.fields.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        cols.push(i);
      }
    });
    if (cols.length > 0) charColumns.set(result.rows, cols);
  }
  return res;
}

function patchClientQuery(client: pg.Client): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const cb = args.at(-1);
    if (typeof cb === "function") {
      const callback = cb as (err: unknown, res: unknown) => unknown;
      args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : relabelCharFields(res));
      return original(...args);
    }
    const out = original(...args);
    return out instanceof Promise ? out.then(relabelCharFields) : out;
  };
  (client as { query: unknown }).query = patched;
}

function markCharColumns(rs: SqlResultSet): SqlResultSet {
  for (const i of charColumns.get(rs.rows) ?? []) rs.columnTypes[i] = ColumnTypeEnum.Character;
  return rs;
}

function withCharFix<T extends SqlDriverAdapter | Transaction>(q: T): T {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => markCharColumns(await queryRaw(query));
  if ("startTransaction" in q) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (level) => withCharFix(await start(level));
  }
  return q;
}

function newPool(url: string): pg.Pool {
  // Every pool is ended explicitly; the short idle timeout only limits what a crash path leaks.
  const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 1000 });
  pool.on("connect", patchClientQuery);
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the process
  return pool;
}

function adapterFor(pool: pg.Pool): Promise<SqlDriverAdapter> {
  return new PrismaPg(pool).connect().then((adapter) => {
    // adapter-pg splits scripts on every ";" (breaking on semicolons in comments or strings) and
    // runs the pieces one by one. Send the script whole instead: PostgreSQL runs a multi-statement
    // simple query in one implicit transaction, so a failing migration leaves nothing half-applied,
    // as with the native engine.
    adapter.executeScript = async (script: string) => {
      await pool.query(script).catch((e: unknown) => {
        throw toAdapterError(e);
      });
    };
    return withCharFix(adapter);
  });
}

/**
 * Adapter factory for one database URL. Owns every pool it opens; `close()` ends them all
 * (the engine never does, which would keep the process alive ~10 s).
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  readonly pool: pg.Pool;
  private readonly shadows = new Map<string, pg.Pool>();
  private cleanedLeftovers = false;

  constructor(private readonly url: string) {
    this.pool = newPool(url);
  }

  connect(): Promise<SqlDriverAdapter> {
    return adapterFor(this.pool);
  }

  // adapter-pg's own version reuses the main database (a connection string overrides `database`)
  // and drops the shadow before closing its pool, which fails and leaks it. Name carries our pid
  // so leftovers of crashed runs can be told from shadows of concurrent ones.
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    await this.dropLeftoverShadows();
    const name = throwawayName(SHADOW_PREFIX);
    await this.pool.query(`CREATE DATABASE "${name}"`);
    const shadowPool = newPool(withDatabase(this.url, name));
    this.shadows.set(name, shadowPool);
    const adapter = await adapterFor(shadowPool);
    adapter.dispose = () => this.dropShadow(name);
    return adapter;
  }

  private async dropShadow(name: string): Promise<void> {
    const shadowPool = this.shadows.get(name);
    if (!shadowPool) return;
    this.shadows.delete(name);
    await shadowPool.end();
    await this.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  private async dropLeftoverShadows(): Promise<void> {
    if (this.cleanedLeftovers) return;
    this.cleanedLeftovers = true;
    await dropStaleDatabases(this.pool, SHADOW_PREFIX);
  }

  async close(): Promise<void> {
    for (const name of [...this.shadows.keys()]) await this.dropShadow(name).catch(() => {});
    await this.pool.end();
  }
}
