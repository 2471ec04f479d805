import { isAwaitingPayment } from "@/core/booking/booking-predicates";
import type { BookingView } from "@/trpc/types";

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

export function statusLabel(status: BookingView["status"]): string {
  return STATUS_LABELS[status] ?? status;
}

export function paymentLabel(status: BookingView["paymentStatus"]): string {
  return PAYMENT_LABELS[status] ?? status;
}

export function canCompletePayment(b: Pick<BookingView, "status" | "paymentStatus">): boolean {
  return b.status === "PENDING" && isAwaitingPayment(b.paymentStatus);
}

export function canCancel(b: Pick<BookingView, "status" | "startTime">): boolean {
  return b.status !== "CANCELLED" && b.startTime.getTime() > Date.now();
}
