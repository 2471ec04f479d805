// How far ahead anything can be booked: the longest booking window a builder may set, plus a
// day of slack for zones. Inputs outside it are refused before any query, so an instant at
// the edge of what JavaScript (or PostgreSQL) can represent never reaches the database.

export const MAX_BOOKING_WINDOW_DAYS = 365;
const DAY_MS = 86_400_000;
const HORIZON_MS = (MAX_BOOKING_WINDOW_DAYS + 1) * DAY_MS;
/** A start a little in the past is refused by the slot rules with a clearer message, not here. */
const PAST_SLACK_MS = DAY_MS;
/** Slot ranges start at the viewer's local midnight, up to a day before now in the furthest zone. */
const RANGE_PAST_SLACK_MS = 2 * DAY_MS;

export const BOOKING_HORIZON_MESSAGE = "Choose a time within the next 12 months";

export function isWithinBookingHorizon(instant: Date, now: Date): boolean {
  const t = instant.getTime();
  return Number.isFinite(t) && t >= now.getTime() - PAST_SLACK_MS && t <= now.getTime() + HORIZON_MS;
}

/** A range of days to show slots for may start from (about) today up to the horizon. */
export function isRangeStartWithinHorizon(start: Date, now: Date): boolean {
  const t = start.getTime();
  return Number.isFinite(t) && t >= now.getTime() - RANGE_PAST_SLACK_MS && t <= now.getTime() + HORIZON_MS;
}
