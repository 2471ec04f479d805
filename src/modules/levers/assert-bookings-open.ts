import { AppError } from "@/core/errors";
import type { LeverValues } from "./read-levers";

export const BOOKINGS_CLOSED_MESSAGE =
  "New bookings are closed for the moment. Please try again later; existing bookings are not affected.";

/** Refuses a new booking while the BOOKINGS_CLOSED lever is on; checked before any write. */
export function assertBookingsOpen(levers: Pick<LeverValues, "BOOKINGS_CLOSED">): void {
  if (levers.BOOKINGS_CLOSED) throw new AppError("INVALID_STATE", BOOKINGS_CLOSED_MESSAGE);
}
