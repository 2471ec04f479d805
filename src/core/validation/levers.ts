import { z } from "zod";
import { freeText } from "./fields";

// Runtime levers an admin switches without a deploy (admin.setLever; docs/decisions/0021).

export const leverName = z.enum(["WEBHOOKS_PAUSED", "EMAIL_SENDING_PAUSED", "BOOKINGS_CLOSED", "MANUAL_BOOKING_MODE"], {
  error: "Choose one of the levers",
});
export type LeverNameInput = z.output<typeof leverName>;

export const setLeverInput = z.strictObject({
  lever: leverName,
  value: z.boolean({ error: "Choose on or off" }),
  // Kept in the audit log: say why, for whoever reads it during or after the incident.
  reason: freeText({ max: 1000, label: "Reason" }).pipe(z.string().min(3, "Reason must be at least 3 characters")),
});
export type SetLeverInput = z.output<typeof setLeverInput>;
