import type { Metadata } from "next";
import { BuilderDashboard } from "@/features/dashboard/components/builder-dashboard";

export const metadata: Metadata = {
  title: "Dashboard",
  description: "Manage your builder profile, session types, availability and bookings.",
  robots: { index: false },
};

export default function DashboardPage() {
  return (
    <>
      <h1>Dashboard</h1>
      <BuilderDashboard />
    </>
  );
}
