import type { Metadata } from "next";
import { ProfilePreview } from "@/features/dashboard/components/profile-preview";

export const metadata: Metadata = {
  title: "Profile preview",
  description: "See your builder profile the way clients will, before you publish it.",
  robots: { index: false },
};

export default function ProfilePreviewPage() {
  return <ProfilePreview />;
}
