import type { Metadata } from "next";
import { AvailabilityEditor } from "@/features/dashboard/components/availability-editor";
import { DashboardPanel } from "@/features/dashboard/components/dashboard-shell";

export const metadata: Metadata = {
  title: "Availability",
  description: "Set your weekly hours, scheduling limits and date overrides.",
  robots: { index: false },
};

export default function AvailabilityPage() {
  return (
    <DashboardPanel id="availability" title="Availability">
      <AvailabilityEditor />
    </DashboardPanel>
  );
}
