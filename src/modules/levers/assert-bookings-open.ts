import { AppError } from "@/core/errors";
import type { LeverValues } from "./read-levers";

export const BOOKINGS_CLOSED_MESSAGE =
  "New bookings are closed for the moment. Please try again later; existing bookings are not affected.";

/** Refuses a new booking while the BOOKINGS_CLOSED lever is on; checked before any write. */
export function assertBookingsOpen(levers: Pick<LeverValues, "BOOKINGS_CLOSED">): void {
  if (levers.BOOKINGS_CLOSED) throw new AppError("INVALID_STATE", BOOKINGS_CLOSED_MESSAGE);
}

export const RESCHEDULES_CLOSED_MESSAGE =
  "Moving bookings is paused for the moment while new bookings are closed. Your booking stays as it is; please try again later.";

/** A reschedule takes a new time like a new booking does: refused too while BOOKINGS_CLOSED is on. */
export function assertReschedulesOpen(levers: Pick<LeverValues, "BOOKINGS_CLOSED">): void {
  if (levers.BOOKINGS_CLOSED) throw new AppError("INVALID_STATE", RESCHEDULES_CLOSED_MESSAGE);
}
