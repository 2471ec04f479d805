import { describe, expect, it } from "vitest";
import { isRangeStartWithinHorizon, isWithinBookingHorizon } from "../booking/booking-horizon";
import { email, freeText, hasForbiddenCharacters, id, MAX_PRICE_CENTS, priceCents, singleLineText, wholeNumber } from "./fields";

const DAY = 86_400_000;

describe("text fields", () => {
  it.each(["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f", "\ud800", "\udc00", "\u2028"])("refuse %j on one line", (c) => {
    expect(hasForbiddenCharacters(`a${c}b`)).toBe(true);
    expect(singleLineText({ max: 10 }).safeParse(`a${c}b`).success).toBe(false);
  });

  it("refuse line breaks in single-line text but keep them (and tabs) in free text", () => {
    expect(singleLineText({ max: 10 }).safeParse("a\nb").success).toBe(false);
    expect(freeText({ max: 10 }).parse(" a\n\tb\r\n ")).toBe("a\n\tb");
    expect(freeText({ max: 10 }).safeParse("a\u0000b").success).toBe(false);
  });

  it("accept what people write: accents, emoji (surrogate pairs), joiners", () => {
    for (const value of ["Ada Lovelace", "Zoë Ñúñez", "👩‍💻 builder", "日本語"]) {
      expect(singleLineText({ max: 40 }).parse(value)).toBe(value);
    }
  });

  it("give friendly messages", () => {
    expect(singleLineText({ min: 2, max: 5 }).safeParse("a").error?.issues[0]?.message).toBe("Use at least 2 characters");
    expect(singleLineText({ max: 5 }).safeParse("abcdefg").error?.issues[0]?.message).toBe("Use at most 5 characters");
    expect(id.safeParse("a\u0000").error?.issues[0]?.message).toBe("Not a valid id");
    expect(email.safeParse("no-at-sign").error?.issues[0]?.message).toBe("Enter a valid email address");
  });

  it("trim emails before checking them", () => {
    expect(email.parse("  a@example.test ")).toBe("a@example.test");
    expect(email.safeParse(`${"a".repeat(250)}@example.test`).success).toBe(false);
  });
});

describe("numbers", () => {
  it("stay within int4 and refuse non-integers and non-finite values", () => {
    for (const n of [2 ** 31, 2 ** 53 - 1, -1, 1.5, NaN, Infinity]) expect(wholeNumber().safeParse(n).success).toBe(false);
    expect(wholeNumber().parse(2_147_483_647)).toBe(2_147_483_647);
    expect(priceCents.safeParse(MAX_PRICE_CENTS + 1).success).toBe(false);
  });
});

describe("the booking horizon", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("admits the next 366 days and refuses the extremes of Date", () => {
    expect(isWithinBookingHorizon(new Date(now.getTime() + 365 * DAY), now)).toBe(true);
    expect(isWithinBookingHorizon(new Date(now.getTime() + 367 * DAY), now)).toBe(false);
    expect(isWithinBookingHorizon(new Date(now.getTime() - 2 * DAY), now)).toBe(false);
    for (const t of [8.64e15, -8.64e15, Date.UTC(1, 0, 1), NaN]) expect(isWithinBookingHorizon(new Date(t), now)).toBe(false);
  });

  it("lets a slot range start at today's midnight in any zone", () => {
    expect(isRangeStartWithinHorizon(new Date("2026-12-01T10:00:00Z"), now)).toBe(true);
    expect(isRangeStartWithinHorizon(new Date("2026-11-29T00:00:00Z"), now)).toBe(false);
  });
});
