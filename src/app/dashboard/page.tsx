import type { Metadata } from "next";
import { BuilderBookings } from "@/features/dashboard/components/builder-bookings";
import { DashboardOverview } from "@/features/dashboard/components/dashboard-overview";
import { DashboardPanel } from "@/features/dashboard/components/dashboard-shell";

export const metadata: Metadata = {
  title: "Dashboard",
  description: "Your bookings at a glance: upcoming sessions, cancellations and past sessions.",
  robots: { index: false },
};

export default function DashboardPage() {
  return (
    <>
      <DashboardOverview />
      <DashboardPanel id="bookings" title="Bookings">
        <BuilderBookings />
      </DashboardPanel>
    </>
  );
}
