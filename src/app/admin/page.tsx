import type { Metadata } from "next";
import { ConsoleOverview } from "@/features/admin/overview/console-overview";

export const metadata: Metadata = { title: "Overview" };

export default function AdminOverviewPage() {
  return (
    <>
      <h1>Operator console</h1>
      <ConsoleOverview />
    </>
  );
}
