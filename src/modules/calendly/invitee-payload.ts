import { z } from "zod";

// The invitee payload of invitee.created / invitee.canceled (Calendly API v2), only the
// fields we act on. Decisions use payload.status and payload.rescheduled, never
// scheduled_event.status (it can stay "active" in a canceled payload for group events).
export const inviteePayload = z.object({
  uri: z.string().min(1),
  email: z.string(),
  name: z.string(),
  // The zone the invitee picked the time in (IANA); kept only when valid, for their emails.
  timezone: z.string().nullish(),
  status: z.enum(["active", "canceled"]),
  // When the client scheduled: the moment a time is judged bookable at (not when we process it).
  created_at: z.string().nullish(),
  // Calendly's own pages for the invitee to reschedule or cancel; kept on the booking.
  reschedule_url: z.string().nullish(),
  cancel_url: z.string().nullish(),
  rescheduled: z.boolean().default(false),
  old_invitee: z.string().nullish(),
  new_invitee: z.string().nullish(),
  tracking: z.object({ utm_content: z.string().nullish() }).partial().nullish(),
  cancellation: z
    .object({ canceled_by: z.string().nullish(), reason: z.string().nullish(), canceler_type: z.string().nullish() })
    .partial()
    .nullish(),
  scheduled_event: z.object({
    uri: z.string().min(1),
    start_time: z.iso.datetime({ offset: true }),
    end_time: z.iso.datetime({ offset: true }),
    event_type: z.string().min(1),
    // The hosts: the builder's own Calendly user must be one of them.
    event_memberships: z.array(z.object({ user: z.string() })).default([]),
  }),
});

export type InviteePayload = z.infer<typeof inviteePayload>;

export const calendlyEnvelope = z.object({
  event: z.string().min(1),
  created_at: z.string().optional(),
  payload: z.unknown(),
});

/** Calendly sends no event id: the event name plus the invitee URI identifies a delivery. */
export function calendlyDedupeKey(event: string, payload: unknown): string | null {
  const uri = (payload as { uri?: unknown } | null)?.uri;
  return typeof uri === "string" && uri ? `${event}:${uri}` : null;
}
