import { offerRefusal, timeRefusal, type TimeRefusal } from "@/core/booking/calendly-time-rule";
import type { InviteePayload } from "./invitee-payload";

type Bookable = {
  active: boolean;
  builder: { calendlyUserUri: string | null; minimumNoticeMinutes: number; bookingWindowDays: number; timeZone: string };
};

/**
 * Why the time an invitee scheduled cannot be kept, or null. Judged at the moment they
 * scheduled it (the invitee's created_at; processing time when Calendly did not say).
 */
export function inviteeRefusal(invitee: InviteePayload, sessionType: Bookable, now: Date): TimeRefusal | null {
  const hosts = invitee.scheduled_event.event_memberships.map((m) => m.user);
  const offered = offerRefusal(sessionType, sessionType.builder.calendlyUserUri, hosts);
  if (offered) return offered;
  const reported = invitee.created_at ? new Date(invitee.created_at) : null;
  const scheduledAt = reported && Number.isFinite(reported.getTime()) ? reported : now;
  return timeRefusal(new Date(invitee.scheduled_event.start_time), scheduledAt, sessionType.builder);
}
