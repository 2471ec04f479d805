import { AppError } from "../errors";

// A calendar date ("YYYY-MM-DD") is a zone-less label. Arithmetic on it runs on UTC
// midnights, where every day is exactly 24h, so DST can never move a label onto the
// wrong day. (Plain Date in UTC is used instead of luxon because this runs once per
// day per slot query and luxon objects cost ~10x more.)
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcMidnight(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March; a round trip rejects it (and years < 100).
  const ok = t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
  return ok ? t.getTime() : null;
}

function requireDate(date: string): number {
  const t = utcMidnight(date);
  if (t === null) throw new AppError("VALIDATION", `Invalid date "${date}", expected YYYY-MM-DD`);
  return t;
}

export function isIsoDate(date: string): boolean {
  return utcMidnight(date) !== null;
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const t = new Date(requireDate(date));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(date: string, days: number): string {
  return new Date(requireDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(requireDate(date)).getUTCDay() || 7;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((requireDate(to) - requireDate(from)) / DAY_MS);
}
