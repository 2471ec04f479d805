import { logger } from "@/server/logger";

// Admission control for the API: past `limit` requests in flight in this process, a new one
// is refused at once (503 + Retry-After) instead of queueing behind the others for a pool
// connection and CPU, where it would wait for seconds, time out in the browser and still
// cost the work. A burst the machine can serve passes (API_MAX_IN_FLIGHT is set above it).

export type Admission = {
  readonly limit: number;
  readonly inFlight: number;
  /** True and counted when there is room; false when the request must be refused. */
  tryEnter(): boolean;
  /** Once per admitted request, when its answer is ready. */
  leave(): void;
};

export function createAdmission(limit: number, name = "api"): Admission {
  let inFlight = 0;
  // Refusals are summed into at most one log line a minute, however many arrive.
  let refusedSinceLog = 0;
  let lastLog = 0;
  return {
    limit,
    get inFlight() {
      return inFlight;
    },
    tryEnter() {
      if (inFlight < limit) {
        inFlight += 1;
        return true;
      }
      refusedSinceLog += 1;
      const now = Date.now();
      if (now - lastLog >= 60_000) {
        logger.warn({ admission: name, limit, refused: refusedSinceLog }, "overloaded: requests refused with 503 (API_MAX_IN_FLIGHT)");
        refusedSinceLog = 0;
        lastLog = now;
      }
      return false;
    },
    leave() {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}
