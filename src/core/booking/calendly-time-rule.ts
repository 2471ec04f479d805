import { DateTime } from "luxon";

// Calendly offers times from its own settings, which can drift from the builder's in our app
// (a longer window, a shorter notice) or be bypassed altogether (a stale scheduling page, an
// event type shared outside the marketplace). A time Calendly reports is held to the same
// rules as one picked in our app; one that breaks them is refused, not silently kept.

/** Why a time scheduled on Calendly cannot be kept. */
export type TimeRefusal =
  /** The session type is archived, or hosted on Calendly by someone other than its builder. */
  "not-offered" | "in-the-past" | "short-notice" | "beyond-window";

export const TIME_REFUSALS: readonly TimeRefusal[] = ["not-offered", "in-the-past", "short-notice", "beyond-window"];

export type BookableRules = {
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  /** The builder's zone: the window counts calendar days there, as the slot picker does. */
  timeZone: string;
};

/**
 * Whether a time is bookable under the builder's rules, judged at the moment the client
 * scheduled it (`scheduledAt`, Calendly's invitee created_at), so a webhook retried hours
 * later does not turn a good booking into a refused one. Null when it may be kept.
 */
export function timeRefusal(start: Date, scheduledAt: Date, rules: BookableRules): Exclude<TimeRefusal, "not-offered"> | null {
  const at = scheduledAt.getTime();
  if (start.getTime() <= at) return "in-the-past";
  if (start.getTime() < at + rules.minimumNoticeMinutes * 60_000) return "short-notice";
  const windowEnd = DateTime.fromMillis(at, { zone: rules.timeZone }).plus({ days: rules.bookingWindowDays }).toMillis();
  if (start.getTime() >= windowEnd) return "beyond-window";
  return null;
}

/**
 * The session type must be on offer and the Calendly event hosted by its builder's own Calendly
 * user. A mapping made before builders linked their own users (no user linked: the platform's
 * single account hosted everything) is kept working until its builder connects; new mappings
 * need a linked user, so no new ones of that kind appear.
 */
export function offerRefusal(sessionType: { active: boolean }, builderCalendlyUser: string | null, hosts: string[]): "not-offered" | null {
  if (!sessionType.active) return "not-offered";
  if (builderCalendlyUser !== null && !hosts.includes(builderCalendlyUser)) return "not-offered";
  return null;
}
