import type { Tx } from "@/modules/shared/tx";
import { bookingViewSelect } from "./booking-view";

export function listBuilderBookings(tx: Tx, { builderId, scope, now }: { builderId: string; scope: "upcoming" | "past"; now: Date }) {
  return tx.booking.findMany({
    where: { builderId, ...(scope === "upcoming" ? { endTime: { gt: now } } : { endTime: { lte: now } }) },
    orderBy: [{ startTime: scope === "upcoming" ? "asc" : "desc" }],
    take: 200,
    select: bookingViewSelect,
  });
}
