// Decodes Stripe's form bodies (`application/x-www-form-urlencoded` with qs style
// brackets, as stripe-node encodes them) into nested objects and arrays:
//   line_items[0][price_data][currency]=usd  -> { line_items: [{ price_data: { currency: 'usd' } }] }
//   metadata[booking_id]=b1                   -> { metadata: { booking_id: 'b1' } }
//   expand[]=payment_intent                   -> { expand: ['payment_intent'] }
// Values stay strings (the wire has no types); the endpoint coerces the fields it knows.
//
// `qs` builds the structure. Before it runs, the keys are checked for what Stripe's API
// (Rack's nested params) refuses and qs would quietly merge or drop: a name that is both a
// value and a container (`a=1&a[b]=2`), a named key inside an array, prototype names. A
// malformed key (`a[b]c`) stays literal; a repeated key keeps its last value (`[]` appends).
import qs from "qs";

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormDecodeError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Keys that would reach Object.prototype if used as property names. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** `name` followed by any number of `[segment]`s; anything else is kept as a literal key. */
const WELL_FORMED = /^[^[]+(?:\[[^[\]]*\])*$/;
const SEGMENT = /^[^[]+|\[([^[\]]*)\]/g;
/** Deeper nesting than any Stripe parameter; qs's own default (5) is too shallow for line items. */
const MAX_DEPTH = 32;
/** Array indices qs keeps as arrays (above it makes objects); Stripe lists are far shorter. */
const MAX_ARRAY_INDEX = 10_000;

function segmentsOf(key: string): string[] {
  return [...key.matchAll(SEGMENT)].map((m) => m[1] ?? m[0]);
}

/**
 * Rejects keys that Stripe refuses. Paths are compared with `[]` made unique per key (each
 * one appends a new element), so `expand[]=a&expand[]=b` is two values, not a clash.
 */
function checkKeys(keys: string[]): void {
  const leaves = new Set<string>();
  const containers = new Map<string, "array" | "object">();
  keys.forEach((key, n) => {
    const segments = segmentsOf(key);
    if (segments.some((s) => FORBIDDEN_KEYS.has(s))) throw new FormDecodeError(`Invalid parameter name: ${key}`, key);
    const path = segments.map((s, i) => (i > 0 && s === "" ? `[]${n}` : s));
    for (let i = 1; i < path.length; i++) {
      const prefix = path.slice(0, i).join("\u0000");
      if (leaves.has(prefix)) throw new FormDecodeError(`Parameter ${key} conflicts with a scalar value`, key);
      const child = segments[i] ?? "";
      const kind = child === "" || /^\d+$/.test(child) ? "array" : "object";
      const existing = containers.get(prefix);
      if (existing === "array" && kind === "object") throw new FormDecodeError(`Invalid array index in parameter ${key}`, key);
      if (existing === undefined) containers.set(prefix, kind);
    }
    const full = path.join("\u0000");
    if (containers.has(full)) throw new FormDecodeError(`Parameter ${key} conflicts with a nested value`, key);
    leaves.add(full);
  });
}

export function decodeStripeForm(body: string): FormObject {
  // URLSearchParams decodes '+' as space and %XX escapes, as form encoding requires.
  const pairs = [...new URLSearchParams(body)].filter(([key]) => key !== "");
  const nested = pairs.filter(([key]) => WELL_FORMED.test(key));
  checkKeys(nested.map(([key]) => key));
  const literal: FormObject = Object.fromEntries(pairs.filter(([key]) => !WELL_FORMED.test(key)));
  let parsed: FormObject;
  try {
    // Re-encoded by URLSearchParams, so qs sees exactly the decoded pairs (a malformed escape
    // is U+FFFD for both). allowPrototypes: names like `metadata[toString]` are data here
    // (qs would drop them); the names that could reach a prototype were refused above.
    parsed = qs.parse(new URLSearchParams(nested).toString(), {
      allowPrototypes: true,
      depth: MAX_DEPTH,
      strictDepth: true,
      arrayLimit: MAX_ARRAY_INDEX,
      parameterLimit: Infinity,
      duplicates: "last",
    }) as FormObject;
  } catch (err) {
    if (err instanceof RangeError) throw new FormDecodeError(`Parameters nested deeper than ${MAX_DEPTH} levels`, "");
    throw err;
  }
  return { ...parsed, ...literal };
}

/** A value for an error message: strings as they are, lists and objects as JSON. */
export function describeFormValue(value: FormValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Key-order-independent serialisation, to compare the params of two requests. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
