import "server-only";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createAdmission, type Admission } from "@/server/admission";
import { getEnv } from "@/server/env";
import { reportTrpcError } from "@/server/observability/report-error";
import { createContext } from "./context";
import { appRouter } from "./router";

export const OVERLOADED_MESSAGE = "The server is busy right now; please try again in a moment";
export const RETRY_AFTER_SECONDS = 1;

// On globalThis: Next may bundle this module into more than one chunk, and the count must be one.
const globalForAdmission = globalThis as unknown as { bookingApiAdmission?: Admission };

function apiAdmission(): Admission {
  return (globalForAdmission.bookingApiAdmission ??= createAdmission(getEnv().API_MAX_IN_FLIGHT));
}

/**
 * The /api/trpc route. A request over the in-flight limit is refused before its context (no
 * session read, no query): tRPC still answers it in its own shape, one error per call of a
 * batch, so the client shows the message; 503 with Retry-After.
 */
export async function handleTrpcRequest(req: Request, admission: Admission = apiAdmission()): Promise<Response> {
  const admitted = admission.tryEnter();
  try {
    return await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: ({ resHeaders }) => {
        if (!admitted) {
          resHeaders.set("retry-after", String(RETRY_AFTER_SECONDS));
          throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: OVERLOADED_MESSAGE });
        }
        return createContext({ headers: req.headers, responseHeaders: resHeaders });
      },
      onError: reportTrpcError,
    });
  } finally {
    if (admitted) admission.leave();
  }
}
