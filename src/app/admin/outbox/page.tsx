import type { Metadata } from "next";
import { listOutboxInput } from "@/core/validation/admin-bookings";
import { OutboxTable } from "@/features/admin/outbox/components/outbox-table";

export const metadata: Metadata = { title: "Outbox" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AdminOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const parsed = listOutboxInput.safeParse({
    status: one(query.status),
    kind: one(query.kind),
    page: one(query.page) ? Number(query.page) : undefined,
  });
  const filter = parsed.success ? parsed.data : { page: 1 };
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        Emails, refunds and Calendly calls owed by booking changes. Retry a failed one, or give up on one no longer wanted.
      </p>
      <OutboxTable filter={filter} />
    </>
  );
}
