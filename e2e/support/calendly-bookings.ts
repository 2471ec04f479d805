import type { CalendlySandbox } from "@booking/provider-sandbox";
import type { PrismaClient } from "@/generated/prisma/client";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";

export type StartedBooking = { id: string; inviteeUri: string; rawBody: string };

/**
 * `count` free bookings started in the app for a session type scheduled through Calendly
 * (PENDING, waiting for their invitee), each with its invitee scheduled on the sandbox through
 * our link (utm_content = booking id) and the signed-to-be invitee.created body built, not sent.
 */
export async function startCalendlyBookings(db: PrismaClient, calendly: CalendlySandbox, count: number): Promise<StartedBooking[]> {
  const { profile } = await createBuilder(db, { displayName: "Multi-instance Builder" });
  const eventType = calendly.addEventType({ name: "Multi-instance call", slug: `multi-${profile.id}`, durationMinutes: 60 });
  const type = await createSessionType(db, profile.id, {
    calendlyEventTypeUri: eventType.uri,
    calendlySchedulingUrl: eventType.scheduling_url,
  });
  const holdExpiresAt = new Date(Date.now() + 30 * 60_000);
  const bookings = await db.booking.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => {
      const startTime = futureHour(2 + Math.floor(i / 24), i % 24);
      return {
        sessionTypeId: type.id,
        builderId: profile.id,
        clientName: `Client ${i}`,
        clientEmail: `multi.${i}.${profile.id.slice(0, 8)}@example.test`,
        startTime,
        endTime: new Date(startTime.getTime() + 60 * 60_000),
        status: "PENDING" as const,
        paymentStatus: "NOT_REQUIRED" as const,
        priceCents: 0,
        currency: "usd",
        holdExpiresAt,
      };
    }),
    select: { id: true, clientName: true, clientEmail: true, startTime: true },
  });
  return Promise.all(
    bookings.map(async (b) => {
      const { invitee, webhook } = await calendly.scheduleInvitee({
        eventTypeUri: eventType.uri,
        startTime: b.startTime,
        name: b.clientName,
        email: b.clientEmail,
        utmContent: b.id,
        deliver: false,
      });
      return { id: b.id, inviteeUri: invitee.uri, rawBody: webhook.rawBody };
    }),
  );
}
