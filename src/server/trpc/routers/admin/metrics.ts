import { router } from "../../init";

// Filled in by the console work on issue 8 (see src/server/trpc/routers/admin.ts).
export const adminMetricsRouter = router({});
