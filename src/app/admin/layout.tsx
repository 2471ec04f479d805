import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { currentAdmin } from "@/server/auth/current-admin";

export const metadata: Metadata = {
  title: { default: "Operator console", template: "%s · Operator console" },
  robots: { index: false },
};

// Everyone but an admin gets the ordinary 404: the console's existence is not advertised.
// The procedures check again (adminProcedure); this only keeps the pages themselves private.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  if (!(await currentAdmin())) notFound();
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin-content">{children}</div>
    </div>
  );
}
