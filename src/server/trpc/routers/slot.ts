import { z } from "zod";
import { listSlots } from "@/modules/slots/list-slots";
import { calendlyClient } from "@/server/providers/calendly-client";
import { withProvider } from "@/server/providers/provider-errors";
import { publicProcedure, router } from "../init";
import { id, isoDate, timeZone } from "../schemas";

export const slotRouter = router({
  list: publicProcedure
    .input(z.strictObject({ sessionTypeId: id, startDate: isoDate, endDate: isoDate, timeZone }))
    .output(z.object({ slots: z.array(z.object({ start: z.date(), end: z.date() })) }))
    .query(({ ctx, input }) => withProvider("Calendly", () => listSlots(ctx.db, { ...input, now: ctx.now() }, calendlyClient))),
});
