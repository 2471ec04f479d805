import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/core/errors";
import type { Actor } from "@/modules/shared/actor";
import { isDataException } from "@/modules/shared/db-errors";
import { logger } from "@/server/logger";
import { reportUnexpectedError } from "@/server/observability/report-error";
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
  RATE_LIMIT_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Zod echoes unknown keys and enum options; a hostile 1 MB key must not come back whole. */
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * One message per field, the first the schema gave: a form resolving the same shared schema
 * shows that same message beside the field (messages are the schemas' own friendly words).
 */
function firstIssuePerField(error: ZodError) {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => clip(String(p), 100));
    const key = path.join(".");
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ path, message: clip(issue.message) }];
  });
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const appError = error.cause instanceof AppError ? error.cause : null;
    // Anything we did not expect reads the same to the client: no SQL, Prisma call text or
    // ids, only a reference that the log line and the Sentry event carry too.
    const reference = error.code === "INTERNAL_SERVER_ERROR" ? reportUnexpectedError(error, { path }) : null;
    const { stack: _stack, ...data } = shape.data;
    const issues = zodError ? firstIssuePerField(zodError) : null;
    return {
      ...shape,
      // Input validation failures read as one sentence, with the details beside it.
      message: reference
        ? `Something went wrong on our side. Reference: ${reference}`
        : issues
          ? "Invalid input: " + issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
          : shape.message,
      data: {
        ...data,
        appCode: appError?.code ?? (zodError ? "VALIDATION" : shape.data.code),
        zodIssues: issues,
        reference,
      },
    };
  },
});

// Use-cases throw AppError; this is the single place they become tRPC errors. A value the
// database refused (SQLSTATE class 22) is the caller's input too: a 400 with no SQL text.
const appErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  if (isDataException(cause)) {
    logger.warn({ err: cause, path }, "the database refused an input value; the input schema should have");
    const invalid = new AppError("VALIDATION", "Invalid input", { cause });
    throw new TRPCError({ code: "BAD_REQUEST", message: invalid.message, cause: invalid });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

/**
 * Mutations spend from a per-client budget, so a script cannot hammer booking.create. Shared by
 * all instances with REDIS_URL; while Redis is down mutations are refused (503), queries go on.
 */
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
