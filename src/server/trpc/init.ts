import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/core/errors";
import type { Actor } from "@/modules/shared/actor";
import { consumeRateLimit } from "@/server/rate-limit";
import type { TrpcContext } from "./context";

const trpcCodeFor: Record<AppErrorCode, TRPCError["code"]> = {
  VALIDATION: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  SLOT_UNAVAILABLE: "CONFLICT",
  INVALID_STATE: "CONFLICT",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PROVIDER_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const appError = error.cause instanceof AppError ? error.cause : null;
    return {
      ...shape,
      // Input validation failures read as one sentence, with the details beside it.
      message: zodError
        ? "Invalid input: " + zodError.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
        : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        appCode: appError?.code ?? (zodError ? "VALIDATION" : shape.data.code),
        zodIssues: zodError?.issues.map((i) => ({ path: i.path.map(String), message: i.message })) ?? null,
      },
    };
  },
});

// Use-cases throw AppError; this is the single place they become tRPC errors.
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

/** Mutations spend from a per-client budget, so a script cannot hammer booking.create. */
export const rateLimitedProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  if (type === "mutation") await consumeRateLimit(`trpc:${ctx.userId ?? ctx.clientIp}`);
  return next();
});

export const authenticatedProcedure = rateLimitedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new AppError("UNAUTHORIZED", "Sign in first");
  const user = await ctx.db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, role: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Your session is no longer valid; sign in again");
  const actor: Actor = { userId: user.id, role: user.role };
  return next({ ctx: { ...ctx, user, actor } });
});

export const builderProcedure = authenticatedProcedure.use(async ({ ctx, next }) => {
  const builder = await ctx.db.builderProfile.findUnique({ where: { userId: ctx.user.id }, select: { id: true } });
  if (!builder || (ctx.user.role !== "BUILDER" && ctx.user.role !== "ADMIN")) {
    throw new AppError("FORBIDDEN", "Only builders can do that");
  }
  return next({ ctx: { ...ctx, builderId: builder.id } });
});

export const adminProcedure = authenticatedProcedure.use(async ({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can do that");
  return next();
});
