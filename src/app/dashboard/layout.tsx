import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DashboardShell } from "@/features/dashboard/components/dashboard-shell";

export const metadata: Metadata = { robots: { index: false } };

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <h1>Dashboard</h1>
      <DashboardShell>{children}</DashboardShell>
    </>
  );
}
