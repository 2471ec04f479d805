import type { Metadata } from "next";
import { DashboardPanel } from "@/features/dashboard/components/dashboard-shell";
import { ProfileEditor } from "@/features/dashboard/components/profile-editor";

export const metadata: Metadata = {
  title: "Profile",
  description: "Edit your public builder profile and choose when it is published.",
  robots: { index: false },
};

export default function ProfilePage() {
  return (
    <DashboardPanel id="profile" title="Profile">
      <ProfileEditor />
    </DashboardPanel>
  );
}
