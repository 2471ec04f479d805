// Calendly API v2 resources as the sandbox serves them, with the field names
// from shared/reference/providers.md. Times are UTC with microseconds, the
// way Calendly writes them.

export type User = {
  uri: string;
  name: string;
  slug: string;
  email: string;
  scheduling_url: string;
  timezone: string;
  avatar_url: null;
  created_at: string;
  updated_at: string;
  current_organization: string;
  resource_type: "User";
  locale: "en";
};

/** A user's place in the organization (GET /organization_memberships). */
export type OrganizationMembership = {
  uri: string;
  role: "owner" | "admin" | "user";
  user: Omit<User, "current_organization" | "resource_type">;
  organization: string;
  created_at: string;
  updated_at: string;
};

export type EventType = {
  uri: string;
  name: string;
  active: boolean;
  slug: string;
  scheduling_url: string;
  duration: number;
  kind: "solo";
  pooling_type: null;
  type: "StandardEventType";
  color: string;
  created_at: string;
  updated_at: string;
  internal_note: null;
  description_plain: null;
  description_html: null;
  profile: { type: "User"; name: string; owner: string };
  secret: boolean;
  booking_method: "instant";
  custom_questions: [];
  deleted_at: null;
  admin_managed: boolean;
  locations: null;
  position: number;
};

export type Cancellation = {
  canceled_by: string;
  reason: string | null;
  canceler_type: "host" | "invitee";
  created_at: string;
};

export type ScheduledEvent = {
  uri: string;
  name: string;
  status: "active" | "canceled";
  start_time: string;
  end_time: string;
  event_type: string;
  location: { type: "google_conference"; status: "pushed"; join_url: string };
  invitees_counter: { total: number; active: number; limit: number };
  event_memberships: Array<{ user: string; user_email: string | null; user_name: string | null }>;
  event_guests: [];
  cancellation?: Cancellation;
  created_at: string;
  updated_at: string;
  meeting_notes_plain: null;
  meeting_notes_html: null;
};

export type Tracking = {
  utm_campaign: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_content: string | null;
  utm_term: string | null;
  salesforce_uuid: string | null;
};

export const TRACKING_KEYS = ["utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term", "salesforce_uuid"] as const;

export type Invitee = {
  uri: string;
  email: string;
  name: string;
  first_name: string | null;
  last_name: string | null;
  status: "active" | "canceled";
  timezone: string;
  event: string;
  created_at: string;
  updated_at: string;
  cancel_url: string;
  reschedule_url: string;
  rescheduled: boolean;
  old_invitee: string | null;
  new_invitee: string | null;
  questions_and_answers: Array<{ question: string; answer: string; position: number }>;
  tracking: Tracking;
  cancellation?: Cancellation;
  payment: null;
  no_show: null;
  reconfirmation: null;
  scheduling_method: null;
  invitee_scheduled_by: null;
  text_reminder_number: null;
  routing_form_submission: null;
};

export type InviteeEventName = "invitee.created" | "invitee.canceled";

export type WebhookBody = {
  created_at: string;
  created_by: string;
  event: InviteeEventName;
  payload: Invitee & { scheduled_event: ScheduledEvent };
};

/** `2026-12-08T15:00:00.000000Z`: Calendly's format (ISO UTC, microseconds). */
export function calendlyTime(at: Date | number): string {
  return new Date(at).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** `2026-12-08T15:00:00Z`: the form used in scheduling-page paths. */
export function compactTime(at: Date | number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function emptyTracking(): Tracking {
  return {
    utm_campaign: null,
    utm_source: null,
    utm_medium: null,
    utm_content: null,
    utm_term: null,
    salesforce_uuid: null,
  };
}

/** The webhook body is a snapshot: later state changes must not alter an already built event. */
export function buildWebhookBody(
  event: InviteeEventName,
  invitee: Invitee,
  scheduledEvent: ScheduledEvent,
  createdBy: string,
): WebhookBody {
  return structuredClone({
    created_at: calendlyTime(Date.now()),
    created_by: createdBy,
    event,
    payload: { ...invitee, scheduled_event: scheduledEvent },
  });
}
