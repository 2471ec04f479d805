// Typed clients for the sandboxes' `/__sandbox/...` control routes, for code in another
// process than the sandboxes (the e2e suite, a developer's script). Only `fetch` at run
// time (every other import is a type), so a test runner can load it without the servers.
//   const control = sandboxControl({ stripe: "http://127.0.0.1:12111", sendgrid: ..., calendly: ... });
//   await control.stripe.pay(sessionId);  await control.sendgrid.messages("a@example.com");
// Answers are the sandboxes' JSON: the same objects as their in-process handles, with dates
// as ISO strings.
import type { Invitee, EventType, ScheduledEvent, User } from "./calendly-objects";
import type { RecordedCalendlyRequest } from "./calendly-api";
import type { InviteeChange, RescheduleResult } from "./calendly-sandbox";
import type { ReceivedMail } from "./sendgrid-pages";
import type { MailAttempt } from "./sendgrid-sandbox";
import type { RecordedStripeRequest } from "./stripe-api";
import type { CheckoutSession, Refund, StripeEvent } from "./stripe-objects";
import type { Delivery } from "./webhook-delivery";

export type {
  CheckoutSession,
  Delivery,
  EventType,
  Invitee,
  InviteeChange,
  MailAttempt,
  ReceivedMail,
  RecordedCalendlyRequest,
  RecordedStripeRequest,
  Refund,
  RescheduleResult,
  ScheduledEvent,
  StripeEvent,
  User,
};

/** A value as it arrives over JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type SandboxUrls = { stripe: string; sendgrid: string; calendly: string };

/** A control route answered with a non-2xx status. */
export class SandboxControlError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(message);
  }
}

type Call = { method?: "GET" | "POST" | "DELETE"; query?: Record<string, string>; json?: unknown; raw?: string };

function caller(provider: string, baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  return async <T>(path: string, { method = "GET", query, json, raw }: Call = {}): Promise<T> => {
    const url = new URL(`${base}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    const body = raw ?? (json === undefined ? undefined : JSON.stringify(json));
    const res = await fetch(url, {
      method,
      body,
      headers: json === undefined ? undefined : { "Content-Type": "application/json" },
    });
    const text = await res.text();
    if (!res.ok) {
      throw new SandboxControlError(`${provider} sandbox answered ${res.status} to ${method} ${path}: ${text}`, res.status, text);
    }
    return JSON.parse(text) as T;
  };
}

type Deliver = { deliver?: boolean };

export type StripeControl = {
  /** "Pay" for a Checkout Session: completes it and (by default) delivers its signed events. */
  pay(
    sessionId: string,
    options?: { paymentStatus?: "paid" | "unpaid"; amountTotal?: number; currency?: string } & Deliver,
  ): Promise<Json<StripeEvent>[]>;
  expire(sessionId: string, options?: Deliver): Promise<Json<StripeEvent>[]>;
  /** Settles a delayed payment of a session completed as unpaid. */
  settleAsyncPayment(sessionId: string, outcome: "succeeded" | "failed", options?: Deliver): Promise<Json<StripeEvent>[]>;
  checkoutSession(sessionId: string): Promise<Json<CheckoutSession>>;
  /** Builds (and by default delivers) an event for any object; `status` is the app's answer, null when not delivered. */
  sendEvent(type: string, object: Record<string, unknown>, options?: Deliver): Promise<{ event: Json<StripeEvent>; status: number | null }>;
  /** Delivers an existing event again (same id), as Stripe does on retries. */
  redeliver(eventId: string): Promise<number>;
  events(): Promise<Json<StripeEvent>[]>;
  /** Counts an event as acknowledged without sending it (Stripe then believes the app has it). */
  markDelivered(eventId: string): Promise<void>;
  /** The next `count` deliveries fail without reaching the app. */
  failNextDeliveries(count: number): Promise<void>;
  /** A refund made in the Stripe Dashboard (its `charge.refunded` delivered unless `deliver: false`). */
  dashboardRefund(
    paymentIntentId: string,
    options?: { amount?: number } & Deliver,
  ): Promise<{ refund: Json<Refund>; events: Json<StripeEvent>[] }>;
  deliveries(): Promise<Json<Delivery>[]>;
  requests(): Promise<Json<RecordedStripeRequest>[]>;
  clearRequests(): Promise<void>;
};

export type SendgridControl = {
  /** Accepted mails, oldest first; only those addressed to `to` when given. */
  messages(to?: string): Promise<Json<ReceivedMail>[]>;
  clearMessages(): Promise<void>;
  attempts(): Promise<Json<MailAttempt>[]>;
  /** The next sends answer these error statuses, in order. */
  failNext(statuses: number[]): Promise<void>;
};

export type CalendlySandboxState = { user: User; eventTypes: EventType[]; scheduledEvents: ScheduledEvent[]; invitees: Invitee[] };

export type CalendlyControl = {
  state(): Promise<CalendlySandboxState>;
  invitees(): Promise<Invitee[]>;
  deliveries(): Promise<Json<Delivery>[]>;
  requests(): Promise<Json<RecordedCalendlyRequest>[]>;
  clearRequests(): Promise<void>;
  addEventType(input: { name: string; slug: string; durationMinutes: number; ownerUserUri?: string }): Promise<{
    uri: string;
    scheduling_url: string;
  }>;
  scheduleInvitee(
    input: { eventTypeUri: string; startTime: string; name: string; email: string; utmContent?: string } & Deliver,
  ): Promise<InviteeChange>;
  cancelInvitee(inviteeUri: string, options?: { reason?: string; canceler_type?: "host" | "invitee" } & Deliver): Promise<InviteeChange>;
  rescheduleInvitee(
    inviteeUri: string,
    newStartTime: string,
    options?: { order?: "cancel-first" | "create-first" } & Deliver,
  ): Promise<RescheduleResult>;
  /** POSTs this exact body to the app, signed now; the app's answer (0 = no answer). */
  deliver(rawBody: string): Promise<number>;
};

export type SandboxControl = { stripe: StripeControl; sendgrid: SendgridControl; calendly: CalendlyControl };

export function stripeControl(baseUrl: string): StripeControl {
  const call = caller("Stripe", baseUrl);
  const session = (id: string, action: string, json: Record<string, unknown>) =>
    call<{ events: Json<StripeEvent>[] }>(`/__sandbox/checkout/sessions/${encodeURIComponent(id)}/${action}`, {
      method: "POST",
      json,
    }).then((r) => r.events);
  return {
    pay: (id, options = {}) => session(id, "complete", options),
    expire: (id, options = {}) => session(id, "expire", options),
    settleAsyncPayment: (id, outcome, options = {}) => session(id, "async-payment", { ...options, outcome }),
    checkoutSession: (id) => call(`/__sandbox/checkout/sessions/${encodeURIComponent(id)}`),
    sendEvent: (type, object, options = {}) => call("/__sandbox/events", { method: "POST", json: { ...options, type, object } }),
    redeliver: (eventId) =>
      call<{ status: number }>(`/__sandbox/events/${encodeURIComponent(eventId)}/deliver`, { method: "POST" }).then((r) => r.status),
    events: () => call("/__sandbox/events"),
    markDelivered: (eventId) =>
      call<unknown>(`/__sandbox/events/${encodeURIComponent(eventId)}/mark-delivered`, { method: "POST" }).then(() => undefined),
    failNextDeliveries: (count) =>
      call<unknown>("/__sandbox/deliveries/fail-next", { method: "POST", json: { count } }).then(() => undefined),
    dashboardRefund: (paymentIntentId, options = {}) =>
      call("/__sandbox/refunds", { method: "POST", json: { ...options, paymentIntent: paymentIntentId } }),
    deliveries: () => call("/__sandbox/deliveries"),
    requests: () => call("/__sandbox/requests"),
    clearRequests: () => call<unknown>("/__sandbox/requests", { method: "DELETE" }).then(() => undefined),
  };
}

export function sendgridControl(baseUrl: string): SendgridControl {
  const call = caller("SendGrid", baseUrl);
  return {
    messages: (to) => call("/__sandbox/messages", { query: to === undefined ? undefined : { to } }),
    clearMessages: () => call<unknown>("/__sandbox/messages", { method: "DELETE" }).then(() => undefined),
    attempts: () => call("/__sandbox/attempts"),
    failNext: (statuses) => call<unknown>("/__sandbox/fail-next", { method: "POST", json: { statuses } }).then(() => undefined),
  };
}

export function calendlyControl(baseUrl: string): CalendlyControl {
  const call = caller("Calendly", baseUrl);
  const state = (): Promise<CalendlySandboxState> => call("/__sandbox/state");
  return {
    state,
    invitees: () => state().then((s) => s.invitees),
    deliveries: () => call("/__sandbox/deliveries"),
    requests: () => call("/__sandbox/requests"),
    clearRequests: () => call<unknown>("/__sandbox/requests", { method: "DELETE" }).then(() => undefined),
    addEventType: (input) => call("/__sandbox/event-types", { method: "POST", json: input }),
    scheduleInvitee: (input) => call("/__sandbox/invitees", { method: "POST", json: input }),
    cancelInvitee: (inviteeUri, options = {}) => call("/__sandbox/invitees/cancel", { method: "POST", json: { ...options, inviteeUri } }),
    rescheduleInvitee: (inviteeUri, newStartTime, options = {}) =>
      call("/__sandbox/invitees/reschedule", { method: "POST", json: { ...options, inviteeUri, newStartTime } }),
    deliver: (rawBody) => call<{ status: number }>("/__sandbox/deliver", { method: "POST", raw: rawBody }).then((r) => r.status),
  };
}

export function sandboxControl(urls: SandboxUrls): SandboxControl {
  return { stripe: stripeControl(urls.stripe), sendgrid: sendgridControl(urls.sendgrid), calendly: calendlyControl(urls.calendly) };
}
