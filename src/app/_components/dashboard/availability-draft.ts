import type { AvailabilityInput, RouterOutputs } from "@/trpc/types";
import { hhmmToMinutes, minutesToHHMM } from "../../_lib/time";

type Availability = RouterOutputs["availability"]["get"];

export type RangeDraft = { key: string; start: string; end: string };
export type OverrideDraft = { key: string; date: string; kind: "CLOSED" | "EXTRA"; start: string; end: string };
export type AvailabilityDraft = {
  timeZone: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNoticeMinutes: string;
  bookingWindowDays: string;
  rules: Record<number, RangeDraft[]>;
  overrides: OverrideDraft[];
};
/** Errors keyed by field name, range key or override key. */
export type DraftErrors = Record<string, string>;

let counter = 0;
export const newKey = () => `k${++counter}`;

export function toDraft(a: Availability): AvailabilityDraft {
  const rules: Record<number, RangeDraft[]> = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
  for (const r of [...a.rules].sort((x, y) => x.startMinute - y.startMinute)) {
    (rules[r.weekday] ??= []).push({ key: newKey(), start: minutesToHHMM(r.startMinute), end: minutesToHHMM(r.endMinute) });
  }
  return {
    timeZone: a.timeZone,
    bufferBeforeMinutes: String(a.bufferBeforeMinutes),
    bufferAfterMinutes: String(a.bufferAfterMinutes),
    minimumNoticeMinutes: String(a.minimumNoticeMinutes),
    bookingWindowDays: String(a.bookingWindowDays),
    rules,
    overrides: [...a.overrides]
      .sort((x, y) => x.date.localeCompare(y.date))
      .map((o) => ({ key: newKey(), date: o.date, kind: o.kind, start: minutesToHHMM(o.startMinute), end: minutesToHHMM(o.endMinute) })),
  };
}

function intField(value: string, min: number, max: number): number | undefined {
  const n = Number(value);
  return value.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function overlaps(ranges: Array<{ start: number; end: number }>): boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  return sorted.some((r, i) => i > 0 && r.start < sorted[i - 1]!.end);
}

/**
 * Validates the draft and converts it into the `availability.update` input.
 * `ruleKeys[i]` / `overrideKeys[i]` are the draft keys of `input.rules[i]` / `input.overrides[i]`,
 * to map server issues back to rows.
 */
export type DraftResult = { errors: DraftErrors; input?: AvailabilityInput; ruleKeys: string[]; overrideKeys: string[] };

export function fromDraft(d: AvailabilityDraft): DraftResult {
  const errors: DraftErrors = {};
  const numbers = {
    bufferBeforeMinutes: intField(d.bufferBeforeMinutes, 0, 240),
    bufferAfterMinutes: intField(d.bufferAfterMinutes, 0, 240),
    minimumNoticeMinutes: intField(d.minimumNoticeMinutes, 0, 60 * 24 * 30),
    bookingWindowDays: intField(d.bookingWindowDays, 1, 365),
  };
  if (numbers.bufferBeforeMinutes === undefined) errors.bufferBeforeMinutes = "Enter whole minutes between 0 and 240.";
  if (numbers.bufferAfterMinutes === undefined) errors.bufferAfterMinutes = "Enter whole minutes between 0 and 240.";
  if (numbers.minimumNoticeMinutes === undefined) errors.minimumNoticeMinutes = "Enter whole minutes (0 or more, up to 30 days).";
  if (numbers.bookingWindowDays === undefined) errors.bookingWindowDays = "Enter a number of days between 1 and 365.";

  const rules: AvailabilityInput["rules"] = [];
  const ruleKeys: string[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const parsed: Array<{ start: number; end: number }> = [];
    for (const r of d.rules[weekday] ?? []) {
      const start = hhmmToMinutes(r.start);
      const end = hhmmToMinutes(r.end, true);
      if (start === undefined || end === undefined) errors[r.key] = "Enter a start and end time.";
      else if (end <= start) errors[r.key] = "End time must be after start time.";
      else {
        parsed.push({ start, end });
        rules.push({ weekday, startMinute: start, endMinute: end });
        ruleKeys.push(r.key);
      }
    }
    if (overlaps(parsed)) errors[`weekday-${weekday}`] = "Time ranges on this day overlap.";
  }

  const overrides: AvailabilityInput["overrides"] = [];
  const overrideKeys: string[] = [];
  for (const o of d.overrides) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) {
      errors[o.key] = "Choose a date.";
      continue;
    }
    if (o.kind === "CLOSED") {
      overrides.push({ date: o.date, kind: "CLOSED", startMinute: null, endMinute: null });
      overrideKeys.push(o.key);
      continue;
    }
    const start = hhmmToMinutes(o.start);
    const end = hhmmToMinutes(o.end, true);
    if (start === undefined || end === undefined) errors[o.key] = "Extra hours need a start and end time.";
    else if (end <= start) errors[o.key] = "End time must be after start time.";
    else {
      overrides.push({ date: o.date, kind: "EXTRA", startMinute: start, endMinute: end });
      overrideKeys.push(o.key);
    }
  }

  if (Object.keys(errors).length > 0) return { errors, ruleKeys, overrideKeys };
  const { bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeMinutes, bookingWindowDays } = numbers;
  if (
    bufferBeforeMinutes === undefined ||
    bufferAfterMinutes === undefined ||
    minimumNoticeMinutes === undefined ||
    bookingWindowDays === undefined
  ) {
    return { errors, ruleKeys, overrideKeys };
  }
  return {
    errors,
    ruleKeys,
    overrideKeys,
    input: { timeZone: d.timeZone, bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeMinutes, bookingWindowDays, rules, overrides },
  };
}
