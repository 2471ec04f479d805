import type { Metadata } from "next";
import { MyBookings } from "../_components/my-bookings";

export const metadata: Metadata = { title: "My bookings" };

export default function MyBookingsPage() {
  return (
    <>
      <h1>My bookings</h1>
      <MyBookings />
    </>
  );
}
