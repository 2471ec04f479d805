import type { Metadata } from "next";
import { BuilderDashboard } from "@/features/dashboard/components/builder-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <>
      <h1>Dashboard</h1>
      <BuilderDashboard />
    </>
  );
}
