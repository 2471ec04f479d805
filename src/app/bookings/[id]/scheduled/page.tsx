import type { Metadata } from "next";
import { CalendlyScheduled } from "@/features/booking/components/calendly-scheduled";

export const metadata: Metadata = { title: "Finishing your booking", robots: { index: false } };

/** The path segment Calendly's event type redirect uses: the booking id then comes as utm_content. */
const FROM_CALENDLY = "calendly";

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Where Calendly sends a client once scheduled (the event type's "redirect to an external
 * site", with event details): /bookings/calendly/scheduled?utm_content=<booking id>&invitee_uuid=...
 * A booking started in our app carries its id as utm_content; /bookings/<id>/scheduled works too.
 */
export default async function CalendlyScheduledPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const bookingId = id === FROM_CALENDLY ? (single(query.utm_content) ?? null) : id;
  return <CalendlyScheduled bookingId={bookingId} token={single(query.token)} />;
}
