// Run in a child process by metrics.int.test.ts: dd-trace stays a no-op inside vitest's own
// workers, so the check runs where it does in production, in a plain Node process.
import { parseServerEnv } from "@/server/env";
import { initTracing } from "./init-tracing";
import { metrics } from "./metrics";
import { getTracer } from "./tracer";

await initTracing(parseServerEnv(process.env));
metrics.increment("booking.webhook.received", 2, ["provider:stripe", "type:checkout.session.completed"]);
metrics.increment("booking.outbox.delivery", 1, ["outcome:sent"]);
metrics.distribution("booking.webhook.processing_ms", 42, ["outcome:processed"]);
getTracer()?.dogstatsd.flush();
setTimeout(() => process.exit(0), 500);
