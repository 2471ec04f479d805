import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Viewer = RouterOutputs["viewer"]["me"];
export type BookingView = RouterOutputs["booking"]["byId"];
export type BuilderListItem = RouterOutputs["builder"]["list"]["items"][number];
export type BuilderPublic = RouterOutputs["builder"]["bySlug"];
export type PublicSessionType = BuilderPublic["sessionTypes"][number];
export type OwnSessionType = RouterOutputs["sessionType"]["mine"][number];
