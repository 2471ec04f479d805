import { describe, expect, it } from "vitest";
import { offerRefusal, timeRefusal } from "./calendly-time-rule";

const scheduledAt = new Date("2026-03-01T12:00:00Z");
const rules = { minimumNoticeMinutes: 120, bookingWindowDays: 30, timeZone: "Europe/Berlin" };
const after = (minutes: number) => new Date(scheduledAt.getTime() + minutes * 60_000);

describe("a time reported by Calendly, judged when the client scheduled it", () => {
  it("refuses a start at or before the scheduling moment as in the past", () => {
    expect(timeRefusal(after(-60), scheduledAt, rules)).toBe("in-the-past");
    expect(timeRefusal(scheduledAt, scheduledAt, rules)).toBe("in-the-past");
  });

  it("refuses a start inside the minimum notice, and keeps one exactly at it", () => {
    expect(timeRefusal(after(119), scheduledAt, rules)).toBe("short-notice");
    expect(timeRefusal(after(120), scheduledAt, rules)).toBeNull();
  });

  it("refuses a start at or past the end of the booking window, counted in the builder's calendar days", () => {
    // 30 calendar days in Berlin from 13:00 on 1 March is 13:00 on 31 March, summer time by then: 11:00 UTC.
    const windowEnd = new Date("2026-03-31T11:00:00Z");
    expect(timeRefusal(new Date(windowEnd.getTime() - 60_000), scheduledAt, rules)).toBeNull();
    expect(timeRefusal(windowEnd, scheduledAt, rules)).toBe("beyond-window");
    expect(timeRefusal(after(60 * 24 * 90), scheduledAt, rules)).toBe("beyond-window");
  });

  it("does not depend on when the webhook is processed: the rule takes only the scheduling moment", () => {
    const start = after(24 * 60);
    expect(timeRefusal(start, scheduledAt, rules)).toBeNull();
    expect(timeRefusal(start, after(23 * 60), rules)).toBe("short-notice");
  });
});

describe("whether the session type is on offer through this Calendly event", () => {
  const grace = "https://api.calendly.com/users/grace";
  it("keeps an active type hosted by its builder's Calendly user", () => {
    expect(offerRefusal({ active: true }, grace, [grace])).toBeNull();
  });
  it("refuses an archived type, or an event hosted by anyone but the builder's linked user", () => {
    expect(offerRefusal({ active: false }, grace, [grace])).toBe("not-offered");
    expect(offerRefusal({ active: false }, null, [grace])).toBe("not-offered");
    expect(offerRefusal({ active: true }, grace, ["https://api.calendly.com/users/ada"])).toBe("not-offered");
    expect(offerRefusal({ active: true }, grace, [])).toBe("not-offered");
  });

  it("keeps a mapping made before builders linked their own Calendly users", () => {
    expect(offerRefusal({ active: true }, null, ["https://api.calendly.com/users/platform"])).toBeNull();
  });
});
