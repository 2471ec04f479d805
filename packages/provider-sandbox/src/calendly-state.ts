// The sandbox's Calendly organization: its owner (the API token's user), the
// members invited into it, their event types, scheduled events and invitees,
// and the transitions (schedule, cancel, reschedule).
// Pure state; HTTP, pages and webhook delivery live elsewhere.
import { randomUUID } from "node:crypto";
import { calendlyTime, compactTime, emptyTracking } from "./calendly-objects";
import { stableUuid } from "./ids";
import type { Cancellation, EventType, Invitee, OrganizationMembership, ScheduledEvent, Tracking, User } from "./calendly-objects";

export class CalendlyStateError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export type ScheduleInput = {
  eventTypeUri: string;
  startTime: string | Date;
  name: string;
  email: string;
  timezone?: string;
  tracking?: Partial<Tracking>;
};

const SLOT_DAY_START_HOUR = 9;
const SLOT_DAY_END_HOUR = 17;

function parseTime(value: string | Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new CalendlyStateError(400, `${what} is not a valid time: ${String(value)}`);
  return ms;
}

export class CalendlyState {
  /** The organization's owner: the user the API token belongs to (`GET /users/me`). */
  readonly user: User;
  /** Every user of the organization, the owner included, by URI. */
  readonly users = new Map<string, User>();
  readonly memberships = new Map<string, OrganizationMembership>();
  readonly eventTypes = new Map<string, EventType>();
  readonly events = new Map<string, ScheduledEvent>();
  readonly invitees = new Map<string, Invitee>();
  /**
   * The event type setting "After booking: redirect to an external site" (with "pass event
   * details" on). Calendly's API does not expose it, so it lives beside the resource.
   */
  readonly redirects = new Map<string, string>();

  /** The organization's URI (`current_organization` of every user here). */
  readonly organization: string;

  constructor(
    readonly base: string,
    username: string,
  ) {
    this.organization = `${base}/organizations/${stableUuid(`organization:${username}`)}`;
    this.user = this.createUser({ slug: username, name: "Sandbox Host", email: `${username}@example.com` });
    this.addMembership(this.user, "owner");
  }

  private createUser(input: { slug: string; name: string; email: string }): User {
    const now = calendlyTime(Date.now());
    const user: User = {
      // Stable across restarts: apps store user URIs (BuilderProfile.calendlyUserUri).
      uri: `${this.base}/users/${stableUuid(`user:${input.slug}`)}`,
      name: input.name,
      slug: input.slug,
      email: input.email,
      scheduling_url: `${this.base}/${input.slug}`,
      timezone: "UTC",
      avatar_url: null,
      created_at: now,
      updated_at: now,
      current_organization: this.organization,
      resource_type: "User",
      locale: "en",
    };
    this.users.set(user.uri, user);
    return user;
  }

  private addMembership(user: User, role: OrganizationMembership["role"]): void {
    const { current_organization: organization, resource_type: _type, ...profile } = user;
    this.memberships.set(user.uri, {
      uri: `${this.base}/organization_memberships/${stableUuid(`membership:${user.slug}`)}`,
      role,
      user: profile,
      organization,
      created_at: user.created_at,
      updated_at: user.updated_at,
    });
  }

  /**
   * A person who accepted the organization's invitation: a user of their own (their own
   * event types and scheduling pages) within the owner's organization. Idempotent by email.
   */
  addMember(input: { email: string; name?: string }): User {
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new CalendlyStateError(400, `not an email address: ${input.email}`);
    const existing = this.userByEmail(email);
    if (existing) return existing;
    const local = email.split("@")[0]!.replace(/[^a-z0-9-]+/g, "-");
    let slug = local;
    for (let n = 2; [...this.users.values()].some((u) => u.slug === slug); n++) slug = `${local}-${n}`;
    const user = this.createUser({ slug, name: input.name ?? local, email });
    this.addMembership(user, "user");
    return user;
  }

  userByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted);
  }

  userBySlug(slug: string): User | undefined {
    return [...this.users.values()].find((u) => u.slug === slug);
  }

  addEventType(input: { name: string; slug: string; durationMinutes: number; ownerUserUri?: string }): EventType {
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
      throw new CalendlyStateError(400, "durationMinutes must be a positive integer");
    }
    const owner = input.ownerUserUri ?? this.user.uri;
    const ownerUser = this.users.get(owner);
    if ([...this.eventTypes.values()].some((et) => et.profile.owner === owner && et.slug === input.slug)) {
      throw new CalendlyStateError(409, `event type slug already used: ${input.slug}`);
    }
    const now = calendlyTime(Date.now());
    const eventType: EventType = {
      // Stable across restarts: apps store event type URIs.
      uri: `${this.base}/event_types/${stableUuid(`event_type:${owner.split("/").pop() ?? owner}:${input.slug}`)}`,
      name: input.name,
      active: true,
      slug: input.slug,
      // Owners outside the organization have no pages here; their links still look like Calendly's.
      scheduling_url: `${this.base}/${ownerUser?.slug ?? "host"}/${input.slug}`,
      duration: input.durationMinutes,
      kind: "solo",
      pooling_type: null,
      type: "StandardEventType",
      color: "#0069ff",
      created_at: now,
      updated_at: now,
      internal_note: null,
      description_plain: null,
      description_html: null,
      profile: { type: "User", name: ownerUser?.name ?? "Host", owner },
      secret: false,
      booking_method: "instant",
      custom_questions: [],
      deleted_at: null,
      admin_managed: false,
      locations: null,
      position: this.eventTypes.size,
    };
    this.eventTypes.set(eventType.uri, eventType);
    return eventType;
  }

  eventTypeBySlug(username: string, slug: string): EventType | undefined {
    const owner = this.userBySlug(username);
    if (!owner) return undefined;
    return [...this.eventTypes.values()].find((et) => et.profile.owner === owner.uri && et.slug === slug);
  }

  /** Sets (or with null clears) where the scheduling page sends the invitee once booked. */
  setRedirect(eventTypeUri: string, url: string | null): void {
    this.get(this.eventTypes, eventTypeUri, "event type");
    if (url === null) {
      this.redirects.delete(eventTypeUri);
      return;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CalendlyStateError(400, `redirect is not a URL: ${url}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CalendlyStateError(400, "redirect must be http(s)");
    this.redirects.set(eventTypeUri, parsed.toString());
  }

  get<T>(map: Map<string, T>, uri: string, what: string): T {
    const found = map.get(uri);
    if (found === undefined) throw new CalendlyStateError(404, `${what} not found: ${uri}`);
    return found;
  }

  /** Weekday slots 09:00-17:00 UTC, one event length apart, minus the host's booked (active) events. */
  availableSlots(eventType: EventType, fromMs: number, toMs: number): number[] {
    const step = eventType.duration * 60_000;
    const busy = [...this.events.values()].filter(
      (ev) => ev.status === "active" && this.eventTypes.get(ev.event_type)?.profile.owner === eventType.profile.owner,
    );
    const slots: number[] = [];
    const day = new Date(fromMs);
    day.setUTCHours(0, 0, 0, 0);
    for (let d = day.getTime(); d < toMs; d += 86_400_000) {
      const weekday = new Date(d).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const dayEnd = d + SLOT_DAY_END_HOUR * 3_600_000;
      for (let t = d + SLOT_DAY_START_HOUR * 3_600_000; t + step <= dayEnd; t += step) {
        if (t < fromMs || t >= toMs) continue;
        const clash = busy.some((ev) => Date.parse(ev.start_time) < t + step && Date.parse(ev.end_time) > t);
        if (!clash) slots.push(t);
      }
    }
    return slots;
  }

  slotUrl(eventType: EventType, startMs: number): string {
    const iso = compactTime(startMs);
    return `${eventType.scheduling_url}/${iso}?month=${iso.slice(0, 7)}&date=${iso.slice(0, 10)}`;
  }

  /**
   * Books a time for an invitee. Any time is accepted (tests may need odd
   * ones) except one that overlaps the host's other active events, which
   * Calendly would never offer.
   */
  schedule(input: ScheduleInput): { invitee: Invitee; event: ScheduledEvent } {
    const eventType = this.get(this.eventTypes, input.eventTypeUri, "event type");
    if (!eventType.active) throw new CalendlyStateError(400, "event type is not active");
    const start = parseTime(input.startTime, "startTime");
    const end = start + eventType.duration * 60_000;
    const clash = [...this.events.values()].some(
      (ev) =>
        ev.status === "active" &&
        this.eventTypes.get(ev.event_type)?.profile.owner === eventType.profile.owner &&
        Date.parse(ev.start_time) < end &&
        Date.parse(ev.end_time) > start,
    );
    if (clash) throw new CalendlyStateError(409, "That time is no longer available.");
    const now = calendlyTime(Date.now());
    const host = this.users.get(eventType.profile.owner);
    const event: ScheduledEvent = {
      uri: `${this.base}/scheduled_events/${randomUUID()}`,
      name: eventType.name,
      status: "active",
      start_time: calendlyTime(start),
      end_time: calendlyTime(end),
      event_type: eventType.uri,
      location: { type: "google_conference", status: "pushed", join_url: `${this.base}/meet/${randomUUID()}` },
      invitees_counter: { total: 1, active: 1, limit: 1 },
      event_memberships: [
        {
          user: eventType.profile.owner,
          user_email: host?.email ?? null,
          user_name: host?.name ?? eventType.profile.name,
        },
      ],
      event_guests: [],
      created_at: now,
      updated_at: now,
      meeting_notes_plain: null,
      meeting_notes_html: null,
    };
    const inviteeUuid = randomUUID();
    const invitee: Invitee = {
      uri: `${event.uri}/invitees/${inviteeUuid}`,
      email: input.email,
      name: input.name,
      first_name: null,
      last_name: null,
      status: "active",
      timezone: input.timezone ?? "UTC",
      event: event.uri,
      created_at: now,
      updated_at: now,
      cancel_url: `${this.base}/cancellations/${inviteeUuid}`,
      reschedule_url: `${this.base}/reschedulings/${inviteeUuid}`,
      rescheduled: false,
      old_invitee: null,
      new_invitee: null,
      questions_and_answers: [],
      tracking: { ...emptyTracking(), ...input.tracking },
      payment: null,
      no_show: null,
      reconfirmation: null,
      scheduling_method: null,
      invitee_scheduled_by: null,
      text_reminder_number: null,
      routing_form_submission: null,
    };
    this.events.set(event.uri, event);
    this.invitees.set(invitee.uri, invitee);
    return { invitee, event };
  }

  inviteeByUuid(uuid: string): Invitee | undefined {
    return [...this.invitees.values()].find((inv) => inv.uri.endsWith(`/invitees/${uuid}`));
  }

  /** One invitee per (solo) event, so canceling the invitee cancels the event too. */
  cancel(
    inviteeUri: string,
    opts: { reason: string | null; canceler_type: "host" | "invitee"; newInviteeUri?: string },
  ): { invitee: Invitee; event: ScheduledEvent } {
    const invitee = this.get(this.invitees, inviteeUri, "invitee");
    const event = this.get(this.events, invitee.event, "scheduled event");
    if (invitee.status === "canceled") throw new CalendlyStateError(403, "Event is already canceled");
    const now = calendlyTime(Date.now());
    const cancellation: Cancellation = {
      canceled_by: opts.canceler_type === "host" ? (event.event_memberships[0]?.user_name ?? "Host") : invitee.name,
      reason: opts.reason,
      canceler_type: opts.canceler_type,
      created_at: now,
    };
    Object.assign(invitee, {
      status: "canceled",
      updated_at: now,
      cancellation,
      rescheduled: opts.newInviteeUri !== undefined,
      new_invitee: opts.newInviteeUri ?? null,
    });
    Object.assign(event, {
      status: "canceled",
      updated_at: now,
      cancellation,
      invitees_counter: { total: 1, active: 0, limit: 1 },
    });
    return { invitee, event };
  }

  /**
   * New invitee on a new event with `old_invitee` set; the old one canceled
   * with `rescheduled: true`. UTM tracking is deliberately not copied: whether
   * Calendly carries it over is unconfirmed, so apps should follow
   * `old_invitee` rather than rely on it.
   */
  reschedule(
    inviteeUri: string,
    newStart: string | Date,
  ): { old: Invitee; oldEvent: ScheduledEvent; created: Invitee; newEvent: ScheduledEvent } {
    const old = this.get(this.invitees, inviteeUri, "invitee");
    if (old.status === "canceled") throw new CalendlyStateError(403, "Event is already canceled");
    const oldEvent = this.get(this.events, old.event, "scheduled event");
    // Free the old slot first so moving within an overlapping window is allowed.
    oldEvent.status = "canceled";
    let scheduled: { invitee: Invitee; event: ScheduledEvent };
    try {
      scheduled = this.schedule({
        eventTypeUri: oldEvent.event_type,
        startTime: newStart,
        name: old.name,
        email: old.email,
        timezone: old.timezone,
      });
    } finally {
      oldEvent.status = "active";
    }
    scheduled.invitee.old_invitee = old.uri;
    this.cancel(old.uri, { reason: null, canceler_type: "invitee", newInviteeUri: scheduled.invitee.uri });
    return { old, oldEvent, created: scheduled.invitee, newEvent: scheduled.event };
  }
}
