// Local stand-in for Calendly: API v2 (api.calendly.com), the hosted
// scheduling pages (calendly.com/<user>/<event-type>) and signed invitee
// webhooks. The app uses it by swapping its API base URL, token and signing key.
import { mountCalendlyApi } from "./calendly-api";
import type { RecordedCalendlyRequest } from "./calendly-api";
import { mountCalendlyControl } from "./calendly-control";
import { mountHostedPages } from "./calendly-hosted";
import { buildWebhookBody } from "./calendly-objects";
import type {
  EventType,
  Invitee,
  InviteeEventName,
  OrganizationMembership,
  ScheduledEvent,
  Tracking,
  User,
  WebhookBody,
} from "./calendly-objects";
import { CALENDLY_SIGNATURE_HEADER, signCalendlyPayload } from "./calendly-signature";
import { CalendlyState } from "./calendly-state";
import { createSandboxApp, jsonResponse, startServer } from "./http-util";
import type { RunningServer } from "./http-util";
import { SerialQueue, postWebhook } from "./webhook-delivery";
import type { Delivery } from "./webhook-delivery";

export type { Delivery, EventType, Invitee, OrganizationMembership, ScheduledEvent, Tracking, User, WebhookBody, RecordedCalendlyRequest };

/** An event type to create: owned by the organization's owner unless an owner (URI, or a member's email) is named. */
export type EventTypeInput = {
  name: string;
  slug: string;
  durationMinutes: number;
  ownerUserUri?: string;
  /** A member of the organization, added (invited and accepted) when not one yet. */
  ownerEmail?: string;
  ownerName?: string;
  /** "Redirect to an external site" after booking, with the event details passed along. */
  redirectUrl?: string;
};
export { signCalendlyPayload };

export type CalendlySandboxOptions = {
  port?: number;
  /** The personal access token clients must send as `Authorization: Bearer <token>`. */
  token: string;
  webhookUrl?: string;
  signingKey: string;
  publicBaseUrl?: string;
  /** Host's Calendly username (default 'sandbox'): scheduling pages live at /<username>/<event-type-slug>. */
  username?: string;
};

export type BuiltWebhook = { body: WebhookBody; rawBody: string };

export type ScheduleInviteeInput = {
  eventTypeUri: string;
  startTime: string | Date;
  name: string;
  email: string;
  utmContent?: string;
  tracking?: Partial<Tracking>;
  timezone?: string;
  deliver?: boolean;
};

export type InviteeChange = {
  invitee: Invitee;
  scheduledEvent: ScheduledEvent;
  webhook: BuiltWebhook;
  /** Receiver's status, 0 if it did not answer, null when not delivered. */
  deliveryStatus: number | null;
};

export type RescheduleResult = {
  oldInvitee: Invitee;
  newInvitee: Invitee;
  canceled: BuiltWebhook;
  created: BuiltWebhook;
  /** Statuses in delivery order (empty when not delivered). */
  deliveryStatuses: number[];
};

export class CalendlySandbox {
  readonly requests: RecordedCalendlyRequest[] = [];
  readonly deliveries: Delivery[] = [];
  webhookUrl: string | undefined;
  readonly token: string;
  readonly signingKey: string;
  readonly username: string;
  private readonly queue = new SerialQueue();
  private server: RunningServer | undefined;
  private store: CalendlyState | undefined;

  constructor(private readonly opts: CalendlySandboxOptions) {
    this.webhookUrl = opts.webhookUrl;
    this.token = opts.token;
    this.signingKey = opts.signingKey;
    this.username = opts.username ?? "sandbox";
  }

  get url(): string {
    return this.running().url;
  }
  get port(): number {
    return this.running().port;
  }
  get state(): CalendlyState {
    if (!this.store) throw new Error("Calendly sandbox is not listening yet");
    return this.store;
  }
  /** The organization's owner, whose token the app holds (`GET /users/me`). */
  get user(): User {
    return this.state.user;
  }

  /** Adds a person to the organization (idempotent by email): their own user, pages and event types. */
  addMember(input: { email: string; name?: string }): User {
    return this.state.addMember(input);
  }

  addEventType(input: EventTypeInput): { uri: string; scheduling_url: string; owner: string } {
    const owner = input.ownerEmail ? this.state.addMember({ email: input.ownerEmail, name: input.ownerName }).uri : input.ownerUserUri;
    const et = this.state.addEventType({ name: input.name, slug: input.slug, durationMinutes: input.durationMinutes, ownerUserUri: owner });
    if (input.redirectUrl) this.state.setRedirect(et.uri, input.redirectUrl);
    return { uri: et.uri, scheduling_url: et.scheduling_url, owner: et.profile.owner };
  }

  /** The event type's "redirect to an external site" (null: Calendly's own confirmation page). */
  setRedirect(eventTypeUri: string, url: string | null): void {
    this.state.setRedirect(eventTypeUri, url);
  }

  getInvitee(uri: string): Invitee | undefined {
    return this.state.invitees.get(uri);
  }
  getScheduledEvent(uri: string): ScheduledEvent | undefined {
    return this.state.events.get(uri);
  }

  /** Books a time as an invitee would and (by default) delivers the signed `invitee.created`. */
  async scheduleInvitee(input: ScheduleInviteeInput): Promise<InviteeChange> {
    const tracking = {
      ...input.tracking,
      ...(input.utmContent !== undefined ? { utm_content: input.utmContent } : {}),
    };
    const { invitee, event } = this.state.schedule({ ...input, tracking });
    return this.emit("invitee.created", invitee, event, input.deliver);
  }

  async cancelInvitee(
    inviteeUri: string,
    opts: { reason: string | null; canceler_type: "host" | "invitee"; deliver?: boolean },
  ): Promise<InviteeChange> {
    const { invitee, event } = this.state.cancel(inviteeUri, opts);
    return this.emit("invitee.canceled", invitee, event, opts.deliver);
  }

  /** Calendly sends the pair in either order; `order` picks one (default cancel-first). */
  async rescheduleInvitee(
    inviteeUri: string,
    newStartTime: string | Date,
    opts: { order?: "cancel-first" | "create-first"; deliver?: boolean } = {},
  ): Promise<RescheduleResult> {
    const r = this.state.reschedule(inviteeUri, newStartTime);
    const canceled = this.build("invitee.canceled", r.old, r.oldEvent);
    const created = this.build("invitee.created", r.created, r.newEvent);
    const ordered = opts.order === "create-first" ? [created, canceled] : [canceled, created];
    const deliveryStatuses: number[] = [];
    if (this.shouldDeliver(opts.deliver)) {
      for (const w of ordered) deliveryStatuses.push(await this.deliver(w.rawBody));
    }
    return { oldInvitee: r.old, newInvitee: r.created, canceled, created, deliveryStatuses };
  }

  /** The webhook Calendly would send now for this invitee, without sending it. */
  buildInviteeEvent(event: InviteeEventName, inviteeUri: string): BuiltWebhook {
    const invitee = this.state.get(this.state.invitees, inviteeUri, "invitee");
    return this.build(event, invitee, this.state.get(this.state.events, invitee.event, "scheduled event"));
  }

  signPayload(rawBody: string, timestampSeconds?: number): string {
    return signCalendlyPayload(rawBody, this.signingKey, timestampSeconds);
  }

  /** POSTs a raw body signed now (or as told). Queued in order; never throws. */
  deliver(rawBody: string, opts: { timestampSeconds?: number; signatureHeader?: string } = {}): Promise<number> {
    return this.queue.run(async () => {
      const url = this.webhookUrl;
      const result = url
        ? await postWebhook(url, rawBody, {
            [CALENDLY_SIGNATURE_HEADER]: opts.signatureHeader ?? this.signPayload(rawBody, opts.timestampSeconds),
            "User-Agent": "Calendly-Webhooks (sandbox)",
          })
        : { status: 0, error: "no webhookUrl configured" };
      let eventId = "unparseable";
      let type = "unknown";
      try {
        const parsed = JSON.parse(rawBody) as { event?: string; payload?: { uri?: string } };
        eventId = parsed.payload?.uri ?? eventId;
        type = parsed.event ?? type;
      } catch {
        // Tests may deliver deliberately broken bodies.
      }
      this.deliveries.push({ eventId, type, ...result, at: new Date() });
      return result.status;
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.server?.close();
  }

  async listen(port = 0): Promise<void> {
    // The routes need the state, and the state needs the server's own URL (URIs embed it):
    // a request that arrives in between is told the sandbox is starting.
    const app = createSandboxApp();
    let ready = false;
    this.server = await startServer(
      {
        fetch: (request, env, ctx) =>
          ready ? app.fetch(request, env, ctx) : jsonResponse(503, { title: "Unavailable", message: "starting" }),
      },
      port,
    );
    this.store = new CalendlyState((this.opts.publicBaseUrl ?? this.server.url).replace(/\/$/, ""), this.username);
    mountCalendlyControl(app, this);
    mountHostedPages(app, this);
    mountCalendlyApi(app, {
      state: this.store,
      token: this.token,
      requests: this.requests,
      onHostCancel: (invitee, event) => {
        // Calendly answers the API call first and notifies afterwards.
        if (this.shouldDeliver(undefined)) void this.deliver(this.build("invitee.canceled", invitee, event).rawBody);
      },
    });
    ready = true;
  }

  private running(): RunningServer {
    if (!this.server) throw new Error("Calendly sandbox is not listening yet");
    return this.server;
  }

  private shouldDeliver(deliver: boolean | undefined): boolean {
    return deliver ?? this.webhookUrl !== undefined;
  }

  private build(event: InviteeEventName, invitee: Invitee, scheduledEvent: ScheduledEvent): BuiltWebhook {
    // Calendly sends compact JSON; the signature covers exactly these bytes.
    const body = buildWebhookBody(event, invitee, scheduledEvent, this.state.user.uri);
    return { body, rawBody: JSON.stringify(body) };
  }

  private async emit(
    event: InviteeEventName,
    invitee: Invitee,
    scheduledEvent: ScheduledEvent,
    deliver: boolean | undefined,
  ): Promise<InviteeChange> {
    const webhook = this.build(event, invitee, scheduledEvent);
    const deliveryStatus = this.shouldDeliver(deliver) ? await this.deliver(webhook.rawBody) : null;
    return { invitee, scheduledEvent, webhook, deliveryStatus };
  }
}

export async function startCalendlySandbox(opts: CalendlySandboxOptions): Promise<CalendlySandbox> {
  const sandbox = new CalendlySandbox(opts);
  await sandbox.listen(opts.port ?? 0);
  return sandbox;
}
