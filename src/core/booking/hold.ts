// Unpaid holds expire. Stripe Checkout's expires_at must be at least 30 minutes after the
// session is created, and the Checkout Session expires with the hold (same instant), so a
// payment can never land after we released the slot without us refunding it. The hold gets
// one extra minute so the Checkout Session, created a moment after the booking, still
// satisfies Stripe's 30-minute minimum.
export const HOLD_MINUTES = 30;
const CHECKOUT_CREATION_MARGIN_MS = 60_000;

export function holdExpiry(now: Date, minutes: number = HOLD_MINUTES): Date {
  return new Date(now.getTime() + minutes * 60_000 + CHECKOUT_CREATION_MARGIN_MS);
}
