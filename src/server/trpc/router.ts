import { createCallerFactory, router } from "./init";
import { adminRouter } from "./routers/admin";
import { availabilityRouter } from "./routers/availability";
import { bookingRouter } from "./routers/booking";
import { builderRouter } from "./routers/builder";
import { sessionTypeRouter } from "./routers/session-type";
import { slotRouter } from "./routers/slot";
import { viewerRouter } from "./routers/viewer";

export const appRouter = router({
  viewer: viewerRouter,
  builder: builderRouter,
  sessionType: sessionTypeRouter,
  availability: availabilityRouter,
  slot: slotRouter,
  booking: bookingRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
