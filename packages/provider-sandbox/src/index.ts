// @booking/provider-sandbox: local Stripe, SendGrid and Calendly servers that speak the
// providers' wire formats and signing schemes, so the app runs its real SDKs against them.
// In-process handles (tests, the local stack) come from here; the typed HTTP control
// clients also from "@booking/provider-sandbox/control", which loads no server code.
export { startAllSandboxes, sandboxOptionsFromEnv, DEFAULT_EVENT_TYPES } from "./start";
export type { RunningSandboxes, StartAllOptions, SandboxEventTypeSeed } from "./start";

export { StripeSandbox, startStripeSandbox } from "./stripe-sandbox";
export type {
  StripeSandboxOptions,
  CheckoutSession,
  PaymentIntent,
  StripeEvent,
  RecordedStripeRequest,
  CompleteCheckoutOptions,
} from "./stripe-sandbox";

export { SendgridSandbox, startSendgridSandbox, recipients, attachmentsOf } from "./sendgrid-sandbox";
export type { SendgridSandboxOptions, ReceivedMail, ReceivedAttachment, MailAttempt, SendgridError } from "./sendgrid-sandbox";

export { CalendlySandbox, startCalendlySandbox } from "./calendly-sandbox";
export type {
  CalendlySandboxOptions,
  BuiltWebhook,
  ScheduleInviteeInput,
  InviteeChange,
  RescheduleResult,
  EventType,
  Invitee,
  ScheduledEvent,
  Tracking,
  User,
  WebhookBody,
  RecordedCalendlyRequest,
} from "./calendly-sandbox";
export { CALENDLY_SIGNATURE_HEADER, signCalendlyPayload } from "./calendly-signature";

export type { Delivery } from "./webhook-delivery";
export { startWebhookReceiver } from "./webhook-receiver";
export type { ReceivedWebhook, WebhookReceiver } from "./webhook-receiver";

export * from "./control-client";
