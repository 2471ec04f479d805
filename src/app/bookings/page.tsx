import type { Metadata } from "next";
import { MyBookings } from "@/features/booking/components/my-bookings";

export const metadata: Metadata = {
  title: "My bookings",
  description: "Your upcoming and past sessions, with their payment and cancellation status.",
  robots: { index: false },
};

export default function MyBookingsPage() {
  return (
    <>
      <h1>My bookings</h1>
      <MyBookings />
    </>
  );
}
