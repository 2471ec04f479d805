// Availability stores wall-clock times as minutes after local midnight (0..1440, where 1440
// is the midnight that ends the day); people read and type them as "HH:MM".

export const MINUTES_PER_DAY = 1440;

/** 540 -> "09:00"; 1440 (end of day) -> "00:00", as `<input type="time">` shows it. */
export function formatMinuteOfDay(minutes: number): string {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * "HH:MM" -> minutes after midnight, undefined when it is not a time of day. As the end of a
 * range ("until"), "00:00" and "24:00" mean the midnight that ends the day (1440).
 */
export function parseMinuteOfDay(text: string, { asEnd = false }: { asEnd?: boolean } = {}): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  if (h > 24 || m > 59 || (h === 24 && (m !== 0 || !asEnd))) return undefined;
  const total = h * 60 + m;
  return asEnd && total === 0 ? MINUTES_PER_DAY : total;
}
