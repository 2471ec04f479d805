import { DEFAULT_REMINDER_LEAD_HOURS } from "@/core/booking/reminder-schedule";

// How long before a session its reminders go out (REMINDER_LEAD_HOURS). A process setting, not
// an argument: reminders are owed by every writer that confirms a booking (payments, Calendly,
// our own booking form), and threading one number through each of their callers would add a
// parameter to a dozen signatures for a value that never changes while the process runs. The
// server sets it with the booking settings it builds from the environment (booking-services.ts);
// until then, and in tests, the default applies.

let leadHours = DEFAULT_REMINDER_LEAD_HOURS;

export function setReminderLeadHours(hours: number): void {
  leadHours = hours;
}

export function reminderLeadHours(): number {
  return leadHours;
}
