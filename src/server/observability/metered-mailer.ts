import { MailSendError, type Mailer } from "@/modules/ports/mailer";
import { metrics } from "./metrics";

/**
 * Email delivery as DogStatsD metrics, around any mailer: `booking.email.delivery` (count) and
 * `booking.email.send_ms` (distribution), tagged `kind:<outbox kind>` (from the email's
 * customArgs) and `outcome:sent|retryable|failed` (failed: the provider refused it for good).
 * Per provider call, so a message retried three times counts three attempts.
 */
export function meteredMailer(mailer: Mailer): Mailer {
  return {
    async send(email) {
      const kind = `kind:${email.customArgs.kind ?? "unknown"}`;
      const started = performance.now();
      try {
        const result = await mailer.send(email);
        record(kind, "sent", started);
        return result;
      } catch (error) {
        record(kind, error instanceof MailSendError && !error.retryable ? "failed" : "retryable", started);
        throw error;
      }
    },
  };
}

function record(kind: string, outcome: "sent" | "retryable" | "failed", started: number): void {
  const tags = [kind, `outcome:${outcome}`];
  metrics.increment("booking.email.delivery", 1, tags);
  metrics.distribution("booking.email.send_ms", performance.now() - started, tags);
}
