import { z } from "zod";
import { freeText, id, searchText, wholeNumber } from "./fields";

// The console's webhook inbox (admin.webhooks.*): filters, and the operator actions, each
// with a reason kept in the audit log.

export const WEBHOOK_PAGE_SIZE = 25;
/** At most this many failed events are replayed per click (the rest wait for the next one). */
export const REPLAY_FAILED_LIMIT = 500;

export const webhookProviderFilter = z.enum(["STRIPE", "CALENDLY"], { error: "Choose Stripe or Calendly" });
export const webhookStatusFilter = z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED", "HELD", "DISMISSED"], {
  error: "Choose a status",
});

export const listWebhooksInput = z.strictObject({
  provider: webhookProviderFilter.optional(),
  status: webhookStatusFilter.optional(),
  type: searchText({ max: 100 }).optional(),
  page: wholeNumber({ min: 1, max: 10_000, label: "Page" }).default(1),
});
export type ListWebhooksInput = z.input<typeof listWebhooksInput>;

const reason = freeText({ max: 1000, label: "Reason" }).pipe(z.string().min(3, "Reason must be at least 3 characters"));

export const webhookActionInput = z.strictObject({ id, reason });
export type WebhookActionInput = z.output<typeof webhookActionInput>;

export const replayFailedInput = z.strictObject({ reason });
export type ReplayFailedInput = z.output<typeof replayFailedInput>;

/** The console's reason prompt (any operator action): the form's half of the inputs above. */
export const operatorReasonForm = z.strictObject({ reason });
export type OperatorReasonFormValues = z.output<typeof operatorReasonForm>;
