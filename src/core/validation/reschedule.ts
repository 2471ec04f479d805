import { z } from "zod";
import { bookingRef } from "./booking";

// Moving a booking to another time (booking.reschedule): the booking as its reader names it
// (signed in, or the manage link's token) and the new start, picked from the offered slots.

export const rescheduleForm = z.object({
  newStartTime: z.date({ error: "Pick a new time" }),
});
export type RescheduleFormValues = z.input<typeof rescheduleForm>;

export const rescheduleBookingInput = bookingRef.extend(rescheduleForm.shape);
