// What the console shows of a provider payload: its shape, ids, types, amounts and times,
// never the people in it. Keys are matched without case, "_" or "-", so "customer_email",
// "customerEmail" and "Customer-Email" are one rule.

export const MASKED = "[masked]";

const normalize = (key: string) => key.toLowerCase().replace(/[_-]/g, "");

/** A key whose value is personal (or may be): its leaves are masked. */
const PERSONAL_KEYS = new Set(
  [
    "name",
    "first_name",
    "last_name",
    "full_name",
    "user_name",
    "email",
    "phone",
    "text_reminder_number",
    "canceled_by",
    "cancelled_by",
    "answer",
    "reason",
    "note",
    "notes",
    "comment",
    "description",
    "meeting_notes_plain",
    "meeting_notes_html",
    // Whole subtrees: addresses, contact blocks, meeting places and custom free-text fields.
    "address",
    "billing_details",
    "shipping",
    "shipping_details",
    "customer_details",
    "location",
    "custom_fields",
  ].map(normalize),
);

/** Key suffixes that mark personal values too: customer_email, receipt_email, user_email, invitee_phone... */
const PERSONAL_SUFFIXES = ["email", "phone", "phonenumber"];

const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

function isPersonalKey(key: string): boolean {
  const k = normalize(key);
  if (PERSONAL_KEYS.has(k)) return true;
  if (PERSONAL_SUFFIXES.some((suffix) => k.endsWith(suffix))) return true;
  // A person's name under any prefix; "name" alone is masked too (it is an invitee's name as
  // often as an event type's, and an over-masked title costs nothing).
  return /(first|last|full|user|invitee|customer|guest|client|holder|display)name$/.test(k);
}

/** Every leaf under a personal key: text and numbers masked, null, booleans and structure kept. */
function maskAll(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(maskAll);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskAll(v)]));
  }
  return MASKED;
}

/**
 * A copy of `payload` with personal data masked: values under personal keys (names, emails,
 * phone numbers, addresses, free-text answers and reasons), and any email address found in
 * other text (metadata, URLs). Everything else (ids, URIs, types, statuses, amounts,
 * timestamps) is kept as it was. Pure: the input is not changed.
 */
export function maskPersonalData(payload: unknown): unknown {
  if (typeof payload === "string") return payload.replace(EMAIL_IN_TEXT, MASKED);
  if (payload === null || typeof payload !== "object") return payload;
  if (Array.isArray(payload)) return payload.map(maskPersonalData);
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>).map(([key, value]) => [
      key,
      isPersonalKey(key) ? maskAll(value) : maskPersonalData(value),
    ]),
  );
}
