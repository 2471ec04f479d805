// The hosted checkout page (`session.url`). Real Checkout collects card details;
// here "Pay" stands for a successful card payment and "Cancel" for the
// customer's back link.
import { escapeHtml, page } from "./html";
import type { SessionRecord } from "./stripe-checkout";

/** Minor units -> display string, honouring zero-decimal currencies (JPY, KRW, ...). */
export function formatMoney(amountMinor: number, currency: string): string {
  const fmt = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(amountMinor / 10 ** digits);
}

export function checkoutPage(record: SessionRecord): string {
  const { session, lineItems } = record;
  const id = encodeURIComponent(session.id);
  const total = formatMoney(session.amount_total, session.currency);
  const items = lineItems
    .map(
      (li) =>
        `<tr><td>${escapeHtml(li.name)}</td><td>${li.quantity}</td><td>${escapeHtml(formatMoney(li.unitAmount * li.quantity, li.currency))}</td></tr>`,
    )
    .join("");
  return page(
    `Pay ${total}`,
    "Stripe",
    `<h1>Checkout</h1>
<table aria-label="Order summary"><thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Amount</th></tr></thead>
<tbody>${items}</tbody></table>
<p>Total due: <strong data-testid="amount-total">${escapeHtml(total)}</strong>
(<span data-testid="currency">${escapeHtml(session.currency.toUpperCase())}</span>)</p>
<form method="post" action="/pay/${id}/complete">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(session.customer_email ?? "")}">
  <button type="submit">Pay</button>
</form>
<form method="post" action="/pay/${id}/cancel">
  <button type="submit">Cancel</button>
</form>`,
  );
}

export function checkoutClosedPage(record: SessionRecord): string {
  const { session } = record;
  const message =
    session.status === "complete"
      ? "This Checkout Session has already been paid."
      : "This Checkout Session has expired. Return to the site and start again.";
  return page("Checkout unavailable", "Stripe", `<h1>Checkout unavailable</h1><p role="status">${escapeHtml(message)}</p>`);
}

export function paymentDonePage(): string {
  return page("Payment complete", "Stripe", '<h1>Payment complete</h1><p role="status">Thanks for your payment.</p>');
}
