import type { Metadata } from "next";
import { listAdminBookingsInput } from "@/core/validation/admin-bookings";
import { BookingsSearch } from "@/features/admin/bookings/components/bookings-search";

export const metadata: Metadata = { title: "Bookings" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AdminBookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const attention = one(query.needsAttention);
  // A hand-edited address with an unknown filter shows everything rather than an error.
  const parsed = listAdminBookingsInput.safeParse({
    status: one(query.status),
    paymentStatus: one(query.paymentStatus),
    needsAttention: attention === undefined ? undefined : attention === "yes",
    builder: one(query.builder),
    clientEmail: one(query.clientEmail),
    from: one(query.from),
    to: one(query.to),
    page: one(query.page) ? Number(query.page) : undefined,
  });
  const filter = parsed.success ? parsed.data : { page: 1 };
  return (
    <>
      <h1>Bookings</h1>
      <p className="muted">Search every booking; open one for its timeline and the actions its state allows. Times are UTC.</p>
      <BookingsSearch filter={filter} />
    </>
  );
}
