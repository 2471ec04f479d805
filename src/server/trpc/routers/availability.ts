import { getAvailability } from "@/modules/availability/get-availability";
import { updateAvailability } from "@/modules/availability/update-availability";
import { builderProcedure, router } from "../init";
import { availabilityInput, availabilitySettings } from "@/core/validation/availability";

export const availabilityRouter = router({
  get: builderProcedure.output(availabilitySettings).query(({ ctx }) => getAvailability(ctx.db, ctx.builderId)),

  update: builderProcedure
    .input(availabilityInput)
    .output(availabilitySettings)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => updateAvailability(tx, ctx.builderId, input))),
});
