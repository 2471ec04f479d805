import type { Prisma } from "@/generated/prisma/client";

// What a client, builder or admin sees of a booking. Explicit select: provider ids,
// the manage-token hash and operator notes never leave the server through this view.
export const bookingViewSelect = {
  id: true,
  status: true,
  paymentStatus: true,
  startTime: true,
  endTime: true,
  priceCents: true,
  currency: true,
  clientName: true,
  clientEmail: true,
  holdExpiresAt: true,
  cancellationReason: true,
  cancelledBy: true,
  createdAt: true,
  sessionType: { select: { id: true, title: true, durationMinutes: true } },
  builder: { select: { id: true, slug: true, displayName: true, timeZone: true } },
} satisfies Prisma.BookingSelect;

export type BookingView = Prisma.BookingGetPayload<{ select: typeof bookingViewSelect }>;

// Fields needed to decide who may see or change a booking.
export const bookingAccessSelect = {
  clientId: true,
  manageTokenHash: true,
  builder: { select: { userId: true } },
} satisfies Prisma.BookingSelect;

/**
 * What cancelling would do, computed here with the lifecycle's own refund rule so the dialog
 * says exactly what `cancel` will do: the policy (paid types only) and the outcome for the
 * person asking. `refundCutoff` lets a screen refresh the outcome when the cutoff passes.
 */
export type CancellationPreview = { policy: string | null; outcome: string | null; refundCutoff: Date | null };

// Fields the preview needs besides the view; the amount paid stays on the server.
export const cancellationPreviewSelect = { amountPaidCents: true } satisfies Prisma.BookingSelect;
