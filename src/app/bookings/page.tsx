import type { Metadata } from "next";
import { MyBookings } from "@/features/booking/components/my-bookings";

export const metadata: Metadata = { title: "My bookings" };

export default function MyBookingsPage() {
  return (
    <>
      <h1>My bookings</h1>
      <MyBookings />
    </>
  );
}
