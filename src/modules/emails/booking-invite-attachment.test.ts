import { describe, expect, it } from "vitest";
import { icsProperty } from "@/testing/ics-lines";
import type { EmailBooking, EmailKind } from "./booking-email";
import { bookingInviteAttachment, type InviteContext } from "./booking-invite-attachment";

const manageUrl = "https://example.test/bookings/b-2?token=abc";
const booking: EmailBooking = {
  id: "b-2",
  clientName: "Zoë Client",
  clientEmail: "zoe@example.test",
  startTime: new Date("2026-03-08T17:00:00Z"),
  endTime: new Date("2026-03-08T18:00:00Z"),
  priceCents: 12500,
  currency: "usd",
  amountPaidCents: 12500,
  refundedCents: null,
  cancellationReason: null,
  sessionTitle: "Code review",
  builderName: "Grace Hopper",
  builderTimeZone: "America/New_York",
};
const context = (status: string): InviteContext => ({
  status,
  firstBookingId: "b-1",
  rescheduleDepth: 1,
  organizer: { name: "Booking Marketplace", email: "bookings@example.test" },
  appUrl: "https://example.test",
});

function methodOf(kind: EmailKind, status: string): string | null {
  const { attachment, error } = bookingInviteAttachment(kind, booking, manageUrl, context(status));
  expect(error).toBeNull();
  if (!attachment) return null;
  expect(attachment).toMatchObject({ filename: "invite.ics", type: "text/calendar" });
  const ics = Buffer.from(attachment.content, "base64").toString("utf8");
  expect(icsProperty(ics, "UID")).toEqual(["b-1@example.test"]);
  return icsProperty(ics, "METHOD")[0] ?? "(none)";
}

describe("which booking emails carry a calendar invite", () => {
  it("confirmations and reschedules of a confirmed booking carry a REQUEST, cancellations a CANCEL", () => {
    expect(methodOf("EMAIL_CONFIRMATION", "CONFIRMED")).toBe("REQUEST");
    expect(methodOf("EMAIL_RESCHEDULE", "CONFIRMED")).toBe("REQUEST");
    expect(methodOf("EMAIL_CANCELLATION", "CANCELLED")).toBe("CANCEL");
  });

  it("receipts and refund notices carry none", () => {
    expect(methodOf("EMAIL_PAYMENT_RECEIPT", "CONFIRMED")).toBeNull();
    expect(methodOf("EMAIL_REFUND_NOTICE", "CANCELLED")).toBeNull();
  });

  it("an email delivered after the booking changed carries none rather than a stale invite", () => {
    expect(methodOf("EMAIL_CONFIRMATION", "CANCELLED")).toBeNull();
    expect(methodOf("EMAIL_RESCHEDULE", "CANCELLED")).toBeNull();
  });

  it("returns the error instead of throwing when the invite cannot be built", () => {
    const result = bookingInviteAttachment("EMAIL_CONFIRMATION", booking, manageUrl, { ...context("CONFIRMED"), appUrl: "::" });
    expect(result.attachment).toBeNull();
    expect(result.error).toBeInstanceOf(Error);
  });
});
