import { describe, expect, it } from "vitest";
import { rescheduleBookingInput } from "./reschedule";

const messagesOf = (input: unknown) => rescheduleBookingInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("the reschedule input", () => {
  it("takes the booking, its manage token and the new start", () => {
    const newStartTime = new Date("2026-12-03T10:00:00Z");
    expect(rescheduleBookingInput.parse({ id: "b_1", manageToken: "abcdefghij_-", newStartTime })).toEqual({
      id: "b_1",
      manageToken: "abcdefghij_-",
      newStartTime,
    });
  });

  it("asks for a new time in words when it is missing or not a date", () => {
    expect(messagesOf({ id: "b_1" })).toEqual([["newStartTime", "Pick a new time"]]);
    expect(messagesOf({ id: "b_1", newStartTime: "tomorrow" })).toEqual([["newStartTime", "Pick a new time"]]);
    expect(messagesOf({ id: "b_1", newStartTime: new Date(Number.NaN) })).toEqual([["newStartTime", "Pick a new time"]]);
  });

  it("refuses fields it does not know", () => {
    expect(messagesOf({ id: "b_1", newStartTime: new Date(), clientId: "someone" })?.[0]?.[0]).toBe("");
  });
});
