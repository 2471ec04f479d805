import type { LeverNameInput } from "@/core/validation/levers";

// What each lever does, in the runbook's words (docs/decisions/0021, 0022; docs/operations.md).

export const LEVER_COPY: Record<LeverNameInput, { title: string; does: string; whenOn: string; pullWhen: string }> = {
  WEBHOOKS_PAUSED: {
    title: "Pause webhook processing",
    does: "Calendly and Stripe events are still verified, recorded and acknowledged, but wait in the inbox unapplied.",
    whenOn: "Events wait as received; they are applied within seconds of turning this off.",
    pullWhen: "A bad deploy or a provider incident is applying events wrongly. Nothing is lost while paused.",
  },
  EMAIL_SENDING_PAUSED: {
    title: "Pause emails",
    does: "Confirmation, receipt, cancellation and refund emails stay in the outbox instead of going to SendGrid.",
    whenOn: "Owed emails wait as pending; they leave within seconds of turning this off.",
    pullWhen: "SendGrid is bouncing, or emails are going out wrong.",
  },
  BOOKINGS_CLOSED: {
    title: "Close bookings",
    does: "New bookings are refused with a clear message. Existing bookings, payments and cancellations are untouched.",
    whenOn: "Clients see “New bookings are closed for the moment”.",
    pullWhen: "Maintenance, or an incident where taking new bookings would make things worse.",
  },
  MANUAL_BOOKING_MODE: {
    title: "Manual booking mode",
    does: "Webhook events are recorded and acknowledged but not applied: each is held in the inbox for an operator to apply or dismiss.",
    whenOn: "New events are held. Turning it off does not apply the held ones: they stay held until an operator decides.",
    pullWhen: "Automatic processing cannot be trusted for a while and a person should check each booking change.",
  },
};
