import type { DateOverride, WeeklyRule } from "@/core/slots/types";

export type AvailabilitySettings = {
  timeZone: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  rules: WeeklyRule[];
  overrides: DateOverride[];
};
