import type { Prisma } from "@/generated/prisma/client";
import { ADMIN_PAGE_SIZE, type ListAdminBookingsInput } from "@/core/validation/admin-bookings";
import type { Tx } from "@/modules/shared/tx";

type Filters = Omit<ListAdminBookingsInput, "page"> & { page: number };

const DAY_MS = 86_400_000;

function whereOf(f: Filters): Prisma.BookingWhereInput {
  const and: Prisma.BookingWhereInput[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.paymentStatus) and.push({ paymentStatus: f.paymentStatus });
  if (f.needsAttention !== undefined) and.push({ attentionReason: f.needsAttention ? { not: null } : null });
  if (f.clientEmail) and.push({ clientEmail: { contains: f.clientEmail, mode: "insensitive" } });
  if (f.builder) {
    and.push({
      builder: {
        OR: [{ displayName: { contains: f.builder, mode: "insensitive" } }, { slug: { contains: f.builder, mode: "insensitive" } }],
      },
    });
  }
  // Dates are UTC days, as the console shows times in UTC; "to" includes its whole day.
  if (f.from) and.push({ startTime: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ startTime: { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS) } });
  return { AND: and };
}

/** The console's booking search: newest start first, offset pages with the total count. */
export async function listAdminBookings(db: Tx, filters: Filters) {
  const where = whereOf(filters);
  const [total, rows] = await Promise.all([
    db.booking.count({ where }),
    db.booking.findMany({
      where,
      orderBy: [{ startTime: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        paymentStatus: true,
        startTime: true,
        clientName: true,
        clientEmail: true,
        priceCents: true,
        currency: true,
        attentionReason: true,
        createdAt: true,
        builder: { select: { displayName: true } },
        sessionType: { select: { title: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageSize: ADMIN_PAGE_SIZE,
    items: rows.map(({ builder, sessionType, ...row }) => ({ ...row, builderName: builder.displayName, sessionTitle: sessionType.title })),
  };
}
