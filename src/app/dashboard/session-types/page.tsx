import type { Metadata } from "next";
import { DashboardPanel } from "@/features/dashboard/components/dashboard-shell";
import { SessionTypesPanel } from "@/features/dashboard/components/session-types-panel";

export const metadata: Metadata = {
  title: "Session types",
  description: "Create, edit, archive and unarchive the sessions clients can book with you.",
  robots: { index: false },
};

export default function SessionTypesPage() {
  return (
    <DashboardPanel id="session-types" title="Session types">
      <SessionTypesPanel />
    </DashboardPanel>
  );
}
