import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import type { Actor } from "@/modules/shared/actor";
import { relationToBooking } from "./booking-access";
import {
  bookingAccessSelect,
  bookingViewSelect,
  cancellationPreviewSelect,
  type BookingView,
  type CancellationPreview,
} from "./booking-view";
import { cancellationPreview } from "./cancellation-preview";

export type GetBookingOptions = {
  bookingId: string;
  actor: Actor;
  /** With both, the view carries what cancelling now would do for this actor. */
  now?: Date;
  refundPolicy?: RefundPolicy;
};

/** Someone without access gets the same answer as for a missing booking: ids are not probeable. */
export async function getBooking(
  tx: Tx,
  { bookingId, actor, now, refundPolicy }: GetBookingOptions,
): Promise<BookingView & { cancellation?: CancellationPreview }> {
  const row = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      ...bookingViewSelect,
      ...bookingAccessSelect,
      ...cancellationPreviewSelect,
      builder: { select: { ...bookingViewSelect.builder.select, ...bookingAccessSelect.builder.select } },
    },
  });
  const relation = row ? relationToBooking(row, actor) : null;
  if (!row || !relation) throw notFound("Booking");
  const { clientId: _clientId, manageTokenHash: _hash, amountPaidCents, builder, ...view } = row;
  const { userId: _builderUserId, ...publicBuilder } = builder;
  const booking = { ...view, builder: publicBuilder };
  if (!now || !refundPolicy) return booking;
  return { ...booking, cancellation: cancellationPreview({ ...view, amountPaidCents }, { relation, now, policy: refundPolicy }) };
}
