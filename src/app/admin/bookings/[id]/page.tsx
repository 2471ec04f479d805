import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminBookingRef } from "@/core/validation/admin-bookings";
import { BookingDetail } from "@/features/admin/bookings/components/booking-detail";

export const metadata: Metadata = { title: "Booking" };

export default async function AdminBookingPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = adminBookingRef.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  return (
    <>
      <p>
        <Link href="/admin/bookings">← All bookings</Link>
      </p>
      <BookingDetail id={parsed.data.id} />
    </>
  );
}
