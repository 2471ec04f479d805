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

/**
 * What the booking page offers besides cancelling, decided on the server for whoever asks:
 * moving it in our app (or why not), Calendly's own pages for a Calendly booking, the booking
 * it moved to, and the way back to an unfinished Calendly scheduling. Manage tokens appear
 * only for someone who came with this booking's token (or the client, for Calendly's return link).
 */
export type BookingManageFacts = {
  /** Null when moving it is not a question (cancelled, pending, or scheduled on Calendly). */
  reschedule: {
    allowed: boolean;
    /** Why not, in words, when refused. */
    refusal: string | null;
    /** Until when it can be moved (paid bookings follow the refund cutoff); null: until the start. */
    until: Date | null;
    /** The policy's hours, so the review can say when the new time is past its own cutoff. */
    fullRefundHoursBefore: number;
  } | null;
  /** Calendly's own reschedule and cancel pages (the invitee's), and the scheduling link of a hold not yet scheduled there. */
  calendly: { rescheduleUrl: string | null; cancelUrl: string | null; continueUrl: string | null } | null;
  /** The booking this one was moved to. */
  movedTo: { id: string; startTime: Date; endTime: Date; manageToken: string | null } | null;
};

// Fields the manage facts need besides the view; provider values stay on the server unless offered.
export const bookingManageSelect = {
  calendlyInviteeUri: true,
  calendlyRescheduleUrl: true,
  calendlyCancelUrl: true,
  sessionType: { select: { calendlyEventTypeUri: true, calendlySchedulingUrl: true } },
  rescheduledTo: { select: { id: true, startTime: true, endTime: true } },
} satisfies Prisma.BookingSelect;
