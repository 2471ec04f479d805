export type { DateOverride, Interval, Slot, SlotQuery, WeeklyRule } from "./types";
export { computeSlots, isBookableSlot } from "./compute-slots";
