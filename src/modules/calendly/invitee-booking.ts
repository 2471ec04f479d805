import { randomUUID } from "node:crypto";
import { isValidTimeZone } from "@/core/time/time-zone";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import type { InviteePayload } from "./invitee-payload";

type MappedSessionType = { id: string; builderId: string; priceCents: number; currency: string };

/**
 * The fields every booking born from a Calendly invitee shares: the session type's price
 * snapshot, the invitee's identity and Calendly's times. The lifecycle's insert writer adds the state.
 */
export function bookingFromInvitee(invitee: InviteePayload, sessionType: MappedSessionType, manageTokenSecret: string) {
  const id = randomUUID();
  return {
    id,
    sessionTypeId: sessionType.id,
    builderId: sessionType.builderId,
    clientName: invitee.name,
    clientEmail: invitee.email.toLowerCase(),
    clientTimeZone: inviteeTimeZone(invitee),
    startTime: new Date(invitee.scheduled_event.start_time),
    endTime: new Date(invitee.scheduled_event.end_time),
    priceCents: sessionType.priceCents,
    currency: sessionType.currency,
    calendlyInviteeUri: invitee.uri,
    calendlyEventUri: invitee.scheduled_event.uri,
    ...calendlyLinks(invitee),
    manageTokenHash: manageTokenFor(id, manageTokenSecret).hash,
  };
}

/** The invitee's zone as Calendly reports it, or null when absent or not one this runtime knows. */
export function inviteeTimeZone(invitee: InviteePayload): string | null {
  return invitee.timezone && isValidTimeZone(invitee.timezone) ? invitee.timezone : null;
}

/** Calendly's own reschedule and cancel pages for this invitee (the booking page links to them). */
export function calendlyLinks(invitee: InviteePayload): { calendlyRescheduleUrl: string | null; calendlyCancelUrl: string | null } {
  return { calendlyRescheduleUrl: httpsOrHttp(invitee.reschedule_url), calendlyCancelUrl: httpsOrHttp(invitee.cancel_url) };
}

/** Only a web address is kept: the booking page renders it as a link. */
function httpsOrHttp(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
