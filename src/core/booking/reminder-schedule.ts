// When a session's reminder emails are due. Written with the confirmation (an outbox row with
// `availableAt`), so a restart or a redeploy cannot lose one: the database holds the schedule.

/** Hours before the start a reminder goes out, unless REMINDER_LEAD_HOURS says otherwise. */
export const DEFAULT_REMINDER_LEAD_HOURS = 24;

/** Closer to the start than this, a reminder is not worth an email of its own. */
export const MIN_REMINDER_NOTICE_MS = 3_600_000;

/**
 * When the reminders for a session starting at `startTime` are due: `leadHours` before the
 * start; a booking confirmed later than that (inside the lead time) is reminded at once while
 * the start is more than an hour away, and not at all after that (null): the confirmation it
 * has just received says the same thing.
 */
export function reminderDueAt({ startTime, now, leadHours }: { startTime: Date; now: Date; leadHours: number }): Date | null {
  const due = startTime.getTime() - leadHours * 3_600_000;
  if (due > now.getTime()) return new Date(due);
  return startTime.getTime() - now.getTime() > MIN_REMINDER_NOTICE_MS ? now : null;
}
