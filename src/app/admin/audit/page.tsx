import type { Metadata } from "next";
import { listAuditInput } from "@/core/validation/admin-bookings";
import { AuditTable } from "@/features/admin/audit/components/audit-table";

export const metadata: Metadata = { title: "Audit log" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const parsed = listAuditInput.safeParse({
    action: one(query.action),
    targetType: one(query.targetType),
    targetId: one(query.targetId),
    actor: one(query.actor),
    page: one(query.page) ? Number(query.page) : undefined,
  });
  const filter = parsed.success ? parsed.data : { page: 1 };
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every operator action, with its reason and the state before and after. Times are UTC.</p>
      <AuditTable filter={filter} />
    </>
  );
}
