import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import type { Actor } from "@/modules/shared/actor";
import { relationToBooking } from "./booking-access";
import { bookingAccessSelect, bookingViewSelect, type BookingView } from "./booking-view";

/** Someone without access gets the same answer as for a missing booking: ids are not probeable. */
export async function getBooking(tx: Tx, { bookingId, actor }: { bookingId: string; actor: Actor }): Promise<BookingView> {
  const row = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      ...bookingViewSelect,
      ...bookingAccessSelect,
      builder: { select: { ...bookingViewSelect.builder.select, ...bookingAccessSelect.builder.select } },
    },
  });
  if (!row || !relationToBooking(row, actor)) throw notFound("Booking");
  const { clientId: _clientId, manageTokenHash: _hash, builder, ...view } = row;
  const { userId: _builderUserId, ...publicBuilder } = builder;
  return { ...view, builder: publicBuilder };
}
