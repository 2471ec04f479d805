// Run in a child process by monitoring-metrics.int.test.ts, with DD_TRACE_ENABLED and a real
// database: the production wiring (initTracing, getDb's query hook, the metered mailer, the
// business gauges) sending DogStatsD over UDP, as in a deployed process.
import { MailSendError, type Mailer, type OutgoingEmail } from "@/modules/ports/mailer";
import { getDb } from "@/server/db/client";
import { parseServerEnv } from "@/server/env";
import { emitBusinessMetrics } from "./business-metrics-job";
import { initTracing } from "./init-tracing";
import { meteredMailer } from "./metered-mailer";
import { getTracer } from "./tracer";

await initTracing(parseServerEnv(process.env));
const db = getDb();
await db.booking.count();
await emitBusinessMetrics(db, new Date());

const email = (kind: string): OutgoingEmail => ({
  to: { email: "client@example.test", name: "Client" },
  subject: "s",
  text: "t",
  html: "<p>t</p>",
  templateData: {},
  customArgs: { bookingId: "b-1", kind },
  attachments: [],
});
// The providers' answers as the SendGrid adapter reports them: accepted, refused for good, down.
const accepting: Mailer = { send: () => Promise.resolve({ messageId: "m-1", statusCode: 202 }) };
const refusing: Mailer = { send: () => Promise.reject(new MailSendError("SendGrid answered 400", false, 400)) };
const down: Mailer = { send: () => Promise.reject(new MailSendError("SendGrid unreachable", true, null)) };
await meteredMailer(accepting).send(email("EMAIL_CONFIRMATION"));
await meteredMailer(refusing)
  .send(email("EMAIL_REFUND_NOTICE"))
  .catch(() => {});
await meteredMailer(down)
  .send(email("EMAIL_CANCELLATION"))
  .catch(() => {});

getTracer()?.dogstatsd.flush();
await db.$disconnect();
setTimeout(() => process.exit(0), 500);
