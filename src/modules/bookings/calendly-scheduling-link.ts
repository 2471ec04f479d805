/**
 * The Calendly scheduling link for a booking started in our app. Calendly returns UTM
 * parameters in the invitee's `tracking`, so utm_content carries our booking id back to
 * the invitee.created webhook. Name and email are prefilled; start_time preselects the
 * slot the client already picked here.
 */
export function calendlySchedulingLink(
  schedulingUrl: string,
  booking: { id: string; clientName: string; clientEmail: string; startTime: Date },
  { manageToken, baseUrl }: { manageToken: string; baseUrl: string },
): string {
  const url = new URL(schedulingUrl);
  url.searchParams.set("name", booking.clientName);
  url.searchParams.set("email", booking.clientEmail);
  url.searchParams.set("utm_source", "booking-marketplace");
  url.searchParams.set("utm_content", booking.id);
  url.searchParams.set("start_time", booking.startTime.toISOString());
  url.searchParams.set("return_url", `${baseUrl}/bookings/${booking.id}?token=${manageToken}`);
  return url.toString();
}
