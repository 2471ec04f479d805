import { z } from "zod";

/** A console list's page: the rows, and where they sit in the whole (every admin list answers this). */
export const paginated = <Item extends z.ZodType>(item: Item) =>
  z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });
