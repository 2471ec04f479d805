import "server-only";
import { isAppError } from "@/core/errors";
import { bookingRef } from "@/core/validation/booking";
import { bookingCalendarFile } from "@/modules/bookings/booking-calendar-file";
import { SENDER_NAME } from "@/modules/ports/mailer";
import { loadActor } from "@/modules/shared/actor";
import { getSessionUserId } from "@/server/auth/auth";
import { bookingConfig } from "@/server/booking-services";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { reportUnexpectedError } from "@/server/observability/report-error";

// The adapter behind /bookings/<id>/calendar.ics: who is asking (the session cookie, or the
// manage token as ?token= like the booking page's own link), then the use-case. The file holds a
// manage link, so it is never cached or indexed.

const PRIVATE = { "cache-control": "private, no-store", "x-robots-tag": "noindex" };

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", ...PRIVATE } });
}

export async function handleBookingCalendarDownload(request: Request, bookingId: string): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  // A malformed id or token names no booking anyone may see: the same answer as a stranger's.
  const ref = bookingRef.safeParse({ id: bookingId, ...(token ? { manageToken: token } : {}) });
  if (!ref.success) return plain(404, "Booking not found");

  const db = getDb();
  const { baseUrl, manageTokenSecret } = bookingConfig();
  try {
    const userId = await getSessionUserId(request.headers);
    const file = await bookingCalendarFile(db, {
      bookingId: ref.data.id,
      actor: await loadActor(db, { userId, manageToken: ref.data.manageToken }),
      appUrl: baseUrl,
      manageTokenSecret,
      organizer: { name: SENDER_NAME, email: getEnv().SENDGRID_FROM_EMAIL },
    });
    return new Response(file.ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'attachment; filename="booking.ics"',
        ...PRIVATE,
      },
    });
  } catch (error) {
    if (isAppError(error)) return plain(error.httpStatus, error.message);
    // Never Next's bare 500: a generic message and the reference the log line and Sentry carry.
    const reference = reportUnexpectedError(error instanceof Error ? error : new Error(String(error)), { path: "bookings/calendar.ics" });
    return plain(500, `Something went wrong on our side. Reference: ${reference}`);
  }
}
