import { z } from "zod";
import { MAX_BOOKING_WINDOW_DAYS } from "../booking/booking-horizon";
import { formatMinuteOfDay, MINUTES_PER_DAY, parseMinuteOfDay } from "../time/minute-of-day";
import { isoDate, timeZone, wholeNumber } from "./fields";

// A builder's availability as the API takes it (availability.update, all at once) and as the
// dashboard form edits it: the same rows, with times typed as "HH:MM" instead of minutes.

const minuteOfDay = wholeNumber({ min: 0, max: MINUTES_PER_DAY, label: "A time of day", unit: "minutes" });
const END_AFTER_START = "End time must be after start time";

export const availabilityRule = z
  .strictObject({ weekday: wholeNumber({ min: 1, max: 7, label: "Weekday" }), startMinute: minuteOfDay, endMinute: minuteOfDay })
  .refine((r) => r.startMinute < r.endMinute, END_AFTER_START);

/** What is wrong with an override's hours for its kind, if anything. */
function overrideProblem({
  kind,
  startMinute: start,
  endMinute: end,
}: {
  kind: "CLOSED" | "EXTRA";
  startMinute: number | null;
  endMinute: number | null;
}) {
  if (kind === "CLOSED") return start === null && end === null ? null : "A closed day has no hours";
  if (start === null || end === null) return "Extra hours need a start and end time";
  return start < end ? null : END_AFTER_START;
}

export const availabilityOverride = z
  .strictObject({
    date: isoDate,
    kind: z.enum(["CLOSED", "EXTRA"], { error: "Choose closed or extra hours" }),
    startMinute: minuteOfDay.nullable(),
    endMinute: minuteOfDay.nullable(),
  })
  .superRefine((override, ctx) => {
    const problem = overrideProblem(override);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const settings = {
  timeZone,
  bufferBeforeMinutes: wholeNumber({ min: 0, max: 240, label: "Buffer before", unit: "minutes" }),
  bufferAfterMinutes: wholeNumber({ min: 0, max: 240, label: "Buffer after", unit: "minutes" }),
  minimumNoticeMinutes: wholeNumber({ min: 0, max: 60 * 24 * 30, label: "Minimum notice", unit: "minutes" }),
  bookingWindowDays: wholeNumber({ min: 1, max: MAX_BOOKING_WINDOW_DAYS, label: "Booking window", unit: "days" }),
};
const rules = z.array(availabilityRule).max(100, "Use at most 100 time ranges");
const overrides = z.array(availabilityOverride).max(400, "Use at most 400 date overrides");

/** What availability.get returns: stored rows, which may predate the overlap rule. */
export const availabilitySettings = z.strictObject({ ...settings, rules, overrides });

/** A time range that starts before an earlier one on its weekday has ended overlaps it. */
function refuseOverlaps(list: z.output<typeof rules>, ctx: z.RefinementCtx) {
  const order = list
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.weekday - b.rule.weekday || a.rule.startMinute - b.rule.startMinute);
  let reach = { weekday: 0, endMinute: 0 };
  for (const { rule, index } of order) {
    if (rule.weekday === reach.weekday && rule.startMinute < reach.endMinute) {
      ctx.addIssue({ code: "custom", message: "Overlaps another time range on this day", path: [index] });
    }
    if (rule.weekday !== reach.weekday || rule.endMinute > reach.endMinute) reach = { weekday: rule.weekday, endMinute: rule.endMinute };
  }
}

export const availabilityInput = z.strictObject({ ...settings, rules: rules.superRefine(refuseOverlaps), overrides });
export type AvailabilityInput = z.output<typeof availabilityInput>;

const timeOfDay = (message: string, asEnd = false) =>
  z.string().transform((text, ctx) => {
    const minute = parseMinuteOfDay(text, { asEnd });
    if (minute === undefined) ctx.addIssue({ code: "custom", message });
    return minute ?? z.NEVER;
  });

const ruleForm = z.object({
  weekday: z.number(),
  startMinute: timeOfDay("Enter a start time"),
  endMinute: timeOfDay("Enter an end time", true),
});

/** An override row as typed: a closed day drops its hours, extra hours must parse. */
export const availabilityOverrideForm = z
  .object({ date: z.string().min(1, "Choose a date"), kind: z.enum(["CLOSED", "EXTRA"]), startMinute: z.string(), endMinute: z.string() })
  .transform(({ date, kind, startMinute, endMinute }) => ({
    date,
    kind,
    startMinute: kind === "CLOSED" ? null : (parseMinuteOfDay(startMinute) ?? null),
    endMinute: kind === "CLOSED" ? null : (parseMinuteOfDay(endMinute, { asEnd: true }) ?? null),
  }))
  .pipe(availabilityOverride);
export type AvailabilityOverrideFormValues = z.input<typeof availabilityOverrideForm>;

/** The dashboard form: rows keep their order, so an API issue at "rules.3" names the same row. */
export const availabilityForm = z
  .object({
    ...settings,
    timeZone: z.string(),
    rules: z.array(ruleForm.pipe(availabilityRule)),
    overrides: z.array(availabilityOverrideForm),
  })
  .pipe(availabilityInput);
export type AvailabilityFormValues = z.input<typeof availabilityForm>;

export function availabilityFormValues(stored: z.output<typeof availabilitySettings>): AvailabilityFormValues {
  return {
    ...stored,
    rules: [...stored.rules]
      .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
      .map((r) => ({ weekday: r.weekday, startMinute: formatMinuteOfDay(r.startMinute), endMinute: formatMinuteOfDay(r.endMinute) })),
    overrides: [...stored.overrides]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({
        date: o.date,
        kind: o.kind,
        startMinute: o.startMinute === null ? "" : formatMinuteOfDay(o.startMinute),
        endMinute: o.endMinute === null ? "" : formatMinuteOfDay(o.endMinute),
      })),
  };
}
