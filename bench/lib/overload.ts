// Past what the server can serve: `calls` builder.list requests at the same moment, well
// beyond API_MAX_IN_FLIGHT. Admission control should answer the excess at once with 503 and
// Retry-After, while the admitted ones are served, instead of queueing everyone for seconds.
import type { Target } from "./ab-load";
import { LIST_PATH } from "./capture";
import { runBurst } from "./load";
import { summarize, type Latency } from "./stats";

export type OverloadRun = { calls: number; statuses: Record<string, number>; served: Latency; refused: Latency; retryAfter: string | null };

export async function overloadBurst(target: Target, calls: number): Promise<OverloadRun> {
  const answers = await runBurst(
    target.url,
    Array.from({ length: calls }, () => ({ path: LIST_PATH, headers: { "accept-encoding": "gzip, deflate, br" } })),
  );
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[a.status || "socket"] = (statuses[a.status || "socket"] ?? 0) + 1;
  const refused = answers.filter((a) => a.status === 503);
  return {
    calls,
    statuses,
    served: summarize(answers.filter((a) => a.status === 200).map((a) => a.ms)),
    refused: summarize(refused.map((a) => a.ms)),
    retryAfter: refused[0]?.headers["retry-after"] ?? null,
  };
}
