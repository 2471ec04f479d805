import { handleBookingCalendarDownload } from "@/server/calendar/booking-calendar-download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// The booking as an .ics file, for "Add to calendar" on its page (same access as the page).
export const GET = async (request: Request, { params }: Context) => handleBookingCalendarDownload(request, (await params).id);
