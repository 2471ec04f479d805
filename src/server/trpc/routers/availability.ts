import { getAvailability } from "@/modules/availability/get-availability";
import { updateAvailability } from "@/modules/availability/update-availability";
import { builderProcedure, router } from "../init";
import { availability } from "../schemas";

export const availabilityRouter = router({
  get: builderProcedure.output(availability).query(({ ctx }) => getAvailability(ctx.db, ctx.builderId)),

  update: builderProcedure
    .input(availability)
    .output(availability)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => updateAvailability(tx, ctx.builderId, input))),
});
