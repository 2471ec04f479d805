import { isAwaitingPayment } from "@/core/booking/booking-predicates";
import type { BookingView } from "@/trpc/types";

// Every word a booking screen shows about a booking's state: no enum or stored code reaches
// the page as is.

const STATUS_LABELS: Record<BookingView["status"], string> = {
  PENDING: "Pending",
  CONFIRMED: "Confirmed",
  CANCELLED: "Cancelled",
};

const PAYMENT_LABELS: Record<BookingView["paymentStatus"], string> = {
  NOT_REQUIRED: "No payment required",
  UNPAID: "Awaiting payment",
  FAILED: "Payment failed",
  PAID: "Paid",
  REFUND_PENDING: "Refund pending",
  REFUNDED: "Refunded",
};

// Who cancelled, as a sentence's subject ("Cancelled by the client").
const CANCELLER_LABELS: Record<string, string> = {
  CLIENT: "the client",
  BUILDER: "the builder",
  ADMIN: "our support team",
  SYSTEM: "the system",
  CALENDLY_HOST: "the builder on Calendly",
  CALENDLY_INVITEE: "the client on Calendly",
};

// The codes the system stores as cancellationReason (src/core/booking/booking-cancellation.ts).
const SYSTEM_REASONS: Record<string, string> = {
  PAYMENT_EXPIRED: "Payment window expired",
  RESCHEDULED: "Moved to a new time",
  SLOT_TAKEN: "The time was taken before payment completed",
  NOT_BOOKABLE_IN_THE_PAST: "The time picked on Calendly had already passed",
  NOT_BOOKABLE_SHORT_NOTICE: "The time picked on Calendly was too soon",
  NOT_BOOKABLE_BEYOND_WINDOW: "The time picked on Calendly was too far ahead",
  NOT_BOOKABLE_NOT_OFFERED: "This session is not offered through that Calendly page",
};

type Hold = Pick<BookingView, "status" | "paymentStatus" | "holdExpiresAt">;

export function statusLabel(status: BookingView["status"]): string {
  return STATUS_LABELS[status] ?? "Unknown";
}

export function paymentLabel(status: BookingView["paymentStatus"]): string {
  return PAYMENT_LABELS[status] ?? "Unknown";
}

/** An unpaid hold whose payment window has closed (the sweep may not have cancelled it yet). */
export function isExpiredHold(b: Hold & Pick<BookingView, "cancellationReason">, now: Date): boolean {
  if (!isAwaitingPayment(b.paymentStatus)) return false;
  if (b.status === "CANCELLED") return b.cancellationReason === "PAYMENT_EXPIRED";
  return b.status === "PENDING" && b.holdExpiresAt !== null && b.holdExpiresAt <= now;
}

/** An unpaid hold that can still be paid: its deadline is what the page shows. */
export function isOpenHold(b: Hold, now: Date): boolean {
  return canCompletePayment(b) && (b.holdExpiresAt === null || b.holdExpiresAt > now);
}

/** The payment line: "Payment window expired" rather than "Awaiting payment" once it has. */
export function paymentStateLabel(b: Hold & Pick<BookingView, "cancellationReason">, now: Date): string {
  if (isExpiredHold(b, now)) return "Payment window expired";
  if (b.status === "CANCELLED" && isAwaitingPayment(b.paymentStatus)) return "Not paid";
  return paymentLabel(b.paymentStatus);
}

/** A stored reason in words: a system code becomes a sentence, a person's own words stay theirs. */
export function reasonLabel(reason: string | null): string | null {
  if (!reason) return null;
  return SYSTEM_REASONS[reason] ?? reason;
}

/** "Cancelled by the client: Something came up" / "Payment window expired". */
export function cancellationSummary(b: Pick<BookingView, "cancelledBy" | "cancellationReason">): string {
  const reason = b.cancellationReason ? SYSTEM_REASONS[b.cancellationReason] : undefined;
  if (reason) return reason;
  const by = b.cancelledBy ? CANCELLER_LABELS[b.cancelledBy] : undefined;
  const head = by ? `Cancelled by ${by}` : "Cancelled";
  return b.cancellationReason ? `${head}: ${b.cancellationReason}` : head;
}

export function canCompletePayment(b: Pick<BookingView, "status" | "paymentStatus">): boolean {
  return b.status === "PENDING" && isAwaitingPayment(b.paymentStatus);
}

export function canCancel(b: Pick<BookingView, "status" | "startTime">): boolean {
  return b.status !== "CANCELLED" && b.startTime.getTime() > Date.now();
}
