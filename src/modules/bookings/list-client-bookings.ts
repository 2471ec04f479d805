import type { Tx } from "@/modules/shared/tx";
import { bookingViewSelect } from "./booking-view";

export function listClientBookings(tx: Tx, clientId: string) {
  return tx.booking.findMany({
    where: { clientId },
    orderBy: [{ startTime: "desc" }],
    take: 200,
    select: bookingViewSelect,
  });
}
