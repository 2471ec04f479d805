import type { Metadata } from "next";
import { BookingFlow } from "@/features/booking/components/booking-flow";

export const metadata: Metadata = { title: "Book a session" };

export default async function BookSessionPage({ params }: { params: Promise<{ slug: string; sessionTypeId: string }> }) {
  const { slug, sessionTypeId } = await params;
  return <BookingFlow slug={slug} sessionTypeId={sessionTypeId} />;
}
