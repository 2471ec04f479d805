import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Viewer = RouterOutputs["viewer"]["me"];
export type BookingView = RouterOutputs["booking"]["byId"];
export type BuilderListItem = RouterOutputs["builder"]["list"]["items"][number];
export type BuilderPublic = RouterOutputs["builder"]["bySlug"];
export type PublicSessionType = BuilderPublic["sessionTypes"][number];
export type OwnSessionType = RouterOutputs["sessionType"]["mine"][number];
export type AvailabilityInput = RouterInputs["availability"]["update"];
export type AvailabilityRuleInput = AvailabilityInput["rules"][number];
export type AvailabilityOverrideInput = AvailabilityInput["overrides"][number];
