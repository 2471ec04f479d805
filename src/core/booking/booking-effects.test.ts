import { describe, expect, it } from "vitest";
import { isReminder, OWED_ON_CONFIRM, OWED_ON_PAY, REMINDERS } from "./booking-effects";
import { DEFAULT_REMINDER_LEAD_HOURS, reminderDueAt } from "./reminder-schedule";

describe("what confirming a booking owes", () => {
  it("a booking confirmed without payment: the client's confirmation, the builder's news and both reminders", () => {
    expect(OWED_ON_CONFIRM).toEqual(["EMAIL_CONFIRMATION", "EMAIL_BUILDER_NEW_BOOKING", "EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"]);
  });

  it("a paid booking: also the client's receipt and the builder's payment notice", () => {
    expect(OWED_ON_PAY).toEqual([
      "EMAIL_CONFIRMATION",
      "EMAIL_PAYMENT_RECEIPT",
      "EMAIL_BUILDER_NEW_BOOKING",
      "EMAIL_BUILDER_PAYMENT_RECEIVED",
      "EMAIL_REMINDER_CLIENT",
      "EMAIL_REMINDER_BUILDER",
    ]);
  });

  it("knows which effects are reminders", () => {
    expect(REMINDERS.every(isReminder)).toBe(true);
    expect(isReminder("EMAIL_CONFIRMATION")).toBe(false);
  });
});

describe("when reminders are due", () => {
  const start = new Date("2026-03-10T12:00:00Z");
  const hours = (n: number) => n * 3_600_000;
  const at = (msBeforeStart: number) => new Date(start.getTime() - msBeforeStart);

  it("the lead time before the start, for a booking made earlier than that", () => {
    expect(DEFAULT_REMINDER_LEAD_HOURS).toBe(24);
    expect(reminderDueAt({ startTime: start, now: at(hours(72)), leadHours: 24 })).toEqual(new Date("2026-03-09T12:00:00Z"));
    expect(reminderDueAt({ startTime: start, now: at(hours(72)), leadHours: 2 })).toEqual(new Date("2026-03-10T10:00:00Z"));
  });

  it("at once for a booking made inside the lead time while the start is more than an hour away", () => {
    const now = at(hours(5));
    expect(reminderDueAt({ startTime: start, now, leadHours: 24 })).toEqual(now);
    expect(reminderDueAt({ startTime: start, now: at(hours(1) + 1), leadHours: 24 })).toEqual(at(hours(1) + 1));
  });

  it("not at all within the last hour", () => {
    expect(reminderDueAt({ startTime: start, now: at(hours(1)), leadHours: 24 })).toBeNull();
    expect(reminderDueAt({ startTime: start, now: at(60_000), leadHours: 24 })).toBeNull();
    expect(reminderDueAt({ startTime: start, now: at(-60_000), leadHours: 24 })).toBeNull();
  });
});
