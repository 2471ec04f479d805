import { z } from "zod";
import { listSlots } from "@/modules/slots/list-slots";
import { countSlotRequest } from "@/server/observability/slot-request-funnel";
import { calendlyClient } from "@/server/providers/calendly-client";
import { onRequestPath } from "@/server/providers/provider-errors";
import { publicProcedure, router } from "../init";
import { slotListInput } from "@/core/validation/booking";

// Only the Calendly call is a provider call: a database error while loading the rules is ours (500), not an outage (503).
const calendly = onRequestPath("Calendly", calendlyClient);

export const slotRouter = router({
  list: publicProcedure
    .input(slotListInput)
    .use(({ input, next }) => countSlotRequest(input.sessionTypeId, next))
    .output(z.object({ slots: z.array(z.object({ start: z.date(), end: z.date() })) }))
    .query(({ ctx, input }) => listSlots(ctx.db, { ...input, now: ctx.now() }, calendly)),
});
