import "./test-process-tz";
import { describe, expect, it } from "vitest";
import { formatMinuteOfDay, parseMinuteOfDay } from "./minute-of-day";

describe("minutes of the day", () => {
  it("read and write HH:MM, with midnight ending a range as 1440", () => {
    expect(formatMinuteOfDay(545)).toBe("09:05");
    expect(formatMinuteOfDay(1440)).toBe("00:00");
    expect(parseMinuteOfDay(" 09:05 ")).toBe(545);
    expect(parseMinuteOfDay("00:00")).toBe(0);
    expect(parseMinuteOfDay("00:00", { asEnd: true })).toBe(1440);
    expect(parseMinuteOfDay("24:00", { asEnd: true })).toBe(1440);
  });

  it.each(["", "9", "24:00", "12:60", "25:00", "ab:cd", "-1:00"])("refuse %j as a start", (text) => {
    expect(parseMinuteOfDay(text)).toBeUndefined();
  });
});
