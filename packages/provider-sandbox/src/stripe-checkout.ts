// Validation of `POST /v1/checkout/sessions` params and construction of the
// session. Messages and `param` paths follow Stripe's, so an app's error
// handling sees what it would see in test mode.
import { describeFormValue } from "./form-encoding";
import type { FormObject, FormValue } from "./form-encoding";
import { invalidRequest, missingParam, noSuch } from "./stripe-errors";
import { randomId } from "./ids";
import { nowSeconds } from "./stripe-objects";
import type { CheckoutSession, Metadata } from "./stripe-objects";

export type LineItem = { name: string; currency: string; unitAmount: number; quantity: number };

export type SessionRecord = {
  session: CheckoutSession;
  lineItems: LineItem[];
  /** `payment_intent_data[metadata]`: Stripe does NOT copy session metadata to the PaymentIntent. */
  paymentIntentMetadata: Metadata;
};

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
/** Tolerates a request that takes a moment to arrive; Stripe measures from its own clock too. */
const EXPIRY_SLACK_SECONDS = 5;

function isObject(v: FormValue | undefined): v is { [key: string]: FormValue } {
  return typeof v === "object" && !Array.isArray(v);
}

function optionalString(params: { [key: string]: FormValue }, key: string, param: string): string | null {
  const v = params[key];
  if (v === undefined || v === "") return null;
  if (typeof v !== "string") throw invalidRequest(`Invalid string: ${param}`, param);
  return v;
}

function integer(v: FormValue | undefined, param: string, min: number): number {
  if (v === undefined || v === "") throw missingParam(param);
  if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw invalidRequest(`Invalid integer: ${describeFormValue(v)}`, param);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min) {
    throw invalidRequest(`Invalid ${param}: must be an integer greater than or equal to ${min}`, param);
  }
  return n;
}

export function parseMetadata(v: FormValue | undefined, param: string): Metadata {
  if (v === undefined || v === "") return {};
  if (!isObject(v)) throw invalidRequest(`Invalid object`, param);
  const out: Metadata = {};
  const entries = Object.entries(v);
  if (entries.length > 50) throw invalidRequest("You can specify up to 50 keys in metadata.", param);
  for (const [key, value] of entries) {
    if (typeof value !== "string") throw invalidRequest(`Invalid metadata value for key ${key}`, `${param}[${key}]`);
    if (key.length > 40) throw invalidRequest(`Metadata keys can have up to 40 characters.`, `${param}[${key}]`);
    if (value.length > 500) {
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${value.length} characters.`,
        `${param}[${key}]`,
      );
    }
    // Stripe treats an empty value as "unset this key".
    if (value !== "") out[key] = value;
  }
  return out;
}

function parseUrl(params: FormObject, key: string): string | null {
  const url = optionalString(params, key, key);
  if (url === null) return null;
  try {
    new URL(url);
  } catch {
    throw invalidRequest("Not a valid URL", key, "url_invalid");
  }
  return url;
}

function parseLineItems(v: FormValue | undefined): LineItem[] {
  if (v === undefined || v === "") throw missingParam("line_items");
  if (!Array.isArray(v) || v.length === 0) throw invalidRequest("Invalid array", "line_items");
  return v.map((raw, i) => {
    const p = `line_items[${i}]`;
    if (!isObject(raw)) throw invalidRequest("Invalid object", p);
    if (raw.price !== undefined) {
      // The sandbox has no Price objects; apps here send price_data with the server's own amount.
      throw noSuch("price", describeFormValue(raw.price), `${p}[price]`);
    }
    const pd = raw.price_data;
    if (!isObject(pd)) throw missingParam(`${p}[price_data]`);
    const currency = optionalString(pd, "currency", `${p}[price_data][currency]`);
    if (currency === null) throw missingParam(`${p}[price_data][currency]`);
    if (!/^[a-zA-Z]{3}$/.test(currency)) {
      throw invalidRequest(`Invalid currency: ${currency}.`, `${p}[price_data][currency]`);
    }
    const unitAmount = integer(pd.unit_amount, `${p}[price_data][unit_amount]`, 0);
    const productData = pd.product_data;
    const name = isObject(productData) ? optionalString(productData, "name", `${p}[price_data][product_data][name]`) : null;
    if (name === null) throw missingParam(`${p}[price_data][product_data][name]`);
    const quantity = integer(raw.quantity, `${p}[quantity]`, 1);
    return { name, currency: currency.toLowerCase(), unitAmount, quantity };
  });
}

function parseExpiresAt(v: FormValue | undefined, now: number): number {
  if (v === undefined || v === "") return now + MAX_EXPIRY_SECONDS;
  const at = integer(v, "expires_at", 0);
  if (at < now + MIN_EXPIRY_SECONDS - EXPIRY_SLACK_SECONDS) {
    throw invalidRequest("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
  }
  if (at > now + MAX_EXPIRY_SECONDS + EXPIRY_SLACK_SECONDS) {
    throw invalidRequest("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
  }
  return at;
}

export function createSessionRecord(params: FormObject, publicBaseUrl: string): SessionRecord {
  const mode = optionalString(params, "mode", "mode");
  if (mode === null) throw missingParam("mode");
  if (mode !== "payment") {
    throw invalidRequest(`Invalid mode: the sandbox only implements mode=payment (got ${mode}).`, "mode");
  }
  const now = nowSeconds();
  const lineItems = parseLineItems(params.line_items);
  const currency = lineItems[0]?.currency ?? "usd";
  if (lineItems.some((li) => li.currency !== currency)) {
    throw invalidRequest("All line items must use the same currency.", "line_items");
  }
  const amount = lineItems.reduce((sum, li) => sum + li.unitAmount * li.quantity, 0);
  const clientReferenceId = optionalString(params, "client_reference_id", "client_reference_id");
  if (clientReferenceId !== null && clientReferenceId.length > 200) {
    throw invalidRequest("client_reference_id must be at most 200 characters.", "client_reference_id");
  }
  const pid = params.payment_intent_data;
  const id = randomId("cs_test_", 58);
  const session: CheckoutSession = {
    id,
    object: "checkout.session",
    amount_subtotal: amount,
    amount_total: amount,
    cancel_url: parseUrl(params, "cancel_url"),
    client_reference_id: clientReferenceId,
    created: now,
    currency,
    customer: null,
    customer_details: null,
    customer_email: optionalString(params, "customer_email", "customer_email"),
    expires_at: parseExpiresAt(params.expires_at, now),
    livemode: false,
    metadata: parseMetadata(params.metadata, "metadata"),
    mode: "payment",
    payment_intent: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    status: "open",
    success_url: parseUrl(params, "success_url"),
    url: `${publicBaseUrl}/pay/${id}`,
  };
  return {
    session,
    lineItems,
    paymentIntentMetadata: isObject(pid) ? parseMetadata(pid.metadata, "payment_intent_data[metadata]") : {},
  };
}
