import { describe, expect, it } from "vitest";
import { availabilityForm, availabilityFormValues, availabilityInput, availabilityOverrideForm } from "./availability";
import { becomeBuilderForm, becomeBuilderFormValues } from "./become-builder";
import { parseTags, profileForm, profileInput } from "./builder-profile";
import { builderSearchForm } from "./builder-search";

const stored = {
  timeZone: "Europe/Berlin",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 60,
  bookingWindowDays: 30,
  rules: [
    { weekday: 2, startMinute: 540, endMinute: 720 },
    { weekday: 1, startMinute: 780, endMinute: 1440 },
    { weekday: 1, startMinute: 540, endMinute: 720 },
  ],
  overrides: [
    { date: "2026-12-31", kind: "EXTRA" as const, startMinute: 600, endMinute: 660 },
    { date: "2026-12-24", kind: "CLOSED" as const, startMinute: null, endMinute: null },
  ],
};

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("the availability form", () => {
  it("shows stored hours as HH:MM rows in day order and sends them back unchanged", () => {
    const values = availabilityFormValues(stored);
    expect(values.rules).toEqual([
      { weekday: 1, startMinute: "09:00", endMinute: "12:00" },
      { weekday: 1, startMinute: "13:00", endMinute: "00:00" },
      { weekday: 2, startMinute: "09:00", endMinute: "12:00" },
    ]);
    expect(values.overrides[0]).toEqual({ date: "2026-12-24", kind: "CLOSED", startMinute: "", endMinute: "" });
    const sent = availabilityForm.parse(values);
    expect(sent.rules).toEqual([stored.rules[2], stored.rules[1], stored.rules[0]]);
    expect(sent.overrides).toEqual([stored.overrides[1], stored.overrides[0]]);
  });

  it("names the same row as the API does when a range overlaps another on its day", () => {
    const values = availabilityFormValues(stored);
    values.rules.push({ weekday: 1, startMinute: "10:00", endMinute: "11:00" });
    const expected = [["rules.3", "Overlaps another time range on this day"]];
    expect(issuesOf(availabilityForm.safeParse(values))).toEqual(expected);
    expect(issuesOf(availabilityInput.safeParse(availabilityForm.parse({ ...values, rules: values.rules.slice(0, 3) })))).toBeUndefined();
    expect(
      issuesOf(availabilityInput.safeParse({ ...stored, rules: [...stored.rules, { weekday: 1, startMinute: 600, endMinute: 660 }] })),
    ).toEqual(expected);
  });

  it("finds an overlap with any earlier range of the day, not only the one just before", () => {
    const rules = [
      { weekday: 3, startMinute: 540, endMinute: 1020 },
      { weekday: 3, startMinute: 600, endMinute: 660 },
      { weekday: 3, startMinute: 720, endMinute: 780 },
    ];
    expect(issuesOf(availabilityInput.safeParse({ ...stored, rules }))?.map(([path]) => path)).toEqual(["rules.1", "rules.2"]);
  });

  it("words a row's mistakes as the API does", () => {
    const values = availabilityFormValues(stored);
    values.rules[0] = { weekday: 1, startMinute: "12:00", endMinute: "09:00" };
    values.rules[1] = { weekday: 1, startMinute: "", endMinute: "17:00" };
    expect(issuesOf(availabilityForm.safeParse(values))).toEqual([
      ["rules.0", "End time must be after start time"],
      ["rules.1.startMinute", "Enter a start time"],
    ]);
    const api = availabilityInput.safeParse({ ...stored, rules: [{ weekday: 1, startMinute: 720, endMinute: 540 }] });
    expect(issuesOf(api)).toEqual([["rules.0", "End time must be after start time"]]);
    expect(issuesOf(availabilityForm.safeParse({ ...values, rules: [], bufferBeforeMinutes: Number.NaN }))).toEqual([
      ["bufferBeforeMinutes", "Buffer before must be a number"],
    ]);
  });

  it("checks a new override with the API's rule", () => {
    const extra = { date: "2026-12-31", kind: "EXTRA" as const, startMinute: "10:00", endMinute: "" };
    expect(issuesOf(availabilityOverrideForm.safeParse(extra))).toEqual([["", "Extra hours need a start and end time"]]);
    expect(issuesOf(availabilityOverrideForm.safeParse({ ...extra, date: "" }))).toEqual([["date", "Choose a date"]]);
    expect(availabilityOverrideForm.parse({ ...extra, kind: "CLOSED" })).toEqual({
      date: "2026-12-31",
      kind: "CLOSED",
      startMinute: null,
      endMinute: null,
    });
    expect(availabilityOverrideForm.parse({ ...extra, endMinute: "00:00" }).endMinute).toBe(1440);
  });
});

describe("the profile forms", () => {
  it("take tags as one line and refuse the same tag the API refuses, at the same place", () => {
    expect(parseTags("react, Next.js ,  ,ai, react")).toEqual(["react", "Next.js", "ai"]);
    const profile = { displayName: "Ada", headline: "Engines", bio: "", timeZone: "UTC" };
    expect(profileForm.parse({ ...profile, tags: "math, engines" }).tags).toEqual(["math", "engines"]);
    const long = "x".repeat(31);
    expect(issuesOf(profileForm.safeParse({ ...profile, tags: `ok, ${long}` }))).toEqual(
      issuesOf(profileInput.safeParse({ ...profile, tags: ["ok", long] })),
    );
    expect(issuesOf(profileForm.safeParse({ ...profile, tags: Array.from({ length: 16 }, (_, i) => `t${i}`).join(",") }))).toEqual([
      ["tags", "Use at most 15 tags"],
    ]);
  });

  it("start becoming a builder from the account's name", () => {
    const values = becomeBuilderFormValues("Zoë Ñúñez", "Asia/Kathmandu");
    expect(values).toMatchObject({ slug: "zoe-nunez", displayName: "Zoë Ñúñez", timeZone: "Asia/Kathmandu" });
    expect(issuesOf(becomeBuilderForm.safeParse(values))).toEqual([["headline", "Headline must be at least 2 characters"]]);
  });
});

describe("the marketplace filters", () => {
  it("turn typed amounts into the query's cents and leave empty boxes out", () => {
    expect(builderSearchForm.parse({ q: " ada ", tag: "", min: "12.5", max: "" })).toEqual({
      q: "ada",
      tag: "",
      min: 1250,
      max: undefined,
    });
  });

  it("refuse a minimum above the maximum with the query's own words", () => {
    expect(issuesOf(builderSearchForm.safeParse({ q: "", tag: "", min: "50", max: "10" }))).toEqual([
      ["min", "The minimum price must not exceed the maximum"],
    ]);
    expect(issuesOf(builderSearchForm.safeParse({ q: "", tag: "", min: "abc", max: "" }))).toEqual([
      ["min", "Enter a price like 50 or 12.50"],
    ]);
  });
});
