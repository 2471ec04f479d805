import type { Interval } from "../time/interval";

export type { Interval };

export type WeeklyRule = {
  weekday: number; // ISO 1=Mon..7=Sun
  startMinute: number; // minutes since builder-local midnight
  endMinute: number; // exclusive, <= 1440
};

export type DateOverride = {
  date: string; // YYYY-MM-DD, builder-local
  kind: "CLOSED" | "EXTRA";
  startMinute: number | null;
  endMinute: number | null;
};

export type SlotQuery = {
  builderTimeZone: string; // IANA
  rules: WeeklyRule[];
  overrides: DateOverride[];
  busy: Interval[]; // existing live bookings (PENDING not expired, CONFIRMED), any order
  durationMinutes: number;
  stepMinutes?: number; // default: durationMinutes
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number; // slot start must be >= now + notice
  bookingWindowDays: number; // slot start must be < now + window days
  now: Date;
  from: Date; // UTC instants; slots whose start is in [from, to)
  to: Date;
};

export type Slot = { start: Date; end: Date };
