// Stripe's list endpoints (`GET /v1/checkout/sessions`, `/v1/payment_intents`, `/v1/refunds`,
// `/v1/events`): newest first, `limit` 1-100 (default 10), `created` as an exact timestamp or
// `created[gt|gte|lt|lte]`, cursors `starting_after` / `ending_before` (object ids), and the
// envelope `{ object: "list", data, has_more, url }` that stripe-node's auto-pagination follows.
import { describeFormValue } from "./form-encoding";
import type { FormObject, FormValue } from "./form-encoding";
import { StripeApiError, invalidRequest, noSuch } from "./stripe-errors";

type Listed = { id: string; created: number };

export type ListEnvelope<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

export type ListSpec<T extends Listed> = {
  /** Stripe's object name, for "No such …" errors about a cursor. */
  objectName: string;
  url: string;
  /** The endpoint's own filters, besides the common ones: each parses its value up front (a bad one is a 400 however empty the list). */
  filters: Record<string, (value: FormValue) => (item: T) => boolean>;
};

const COMMON_PARAMS = new Set(["limit", "created", "starting_after", "ending_before", "expand"]);
const RANGE_KEYS = new Set(["gt", "gte", "lt", "lte"]);

function integerParam(value: FormValue, param: string): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${describeFormValue(value)}`, param);
  return Number(value);
}

function parseLimit(value: FormValue | undefined): number {
  if (value === undefined || value === "") return 10;
  const limit = integerParam(value, "limit");
  if (limit < 1) throw invalidRequest("This value must be greater than or equal to 1.", "limit");
  if (limit > 100) throw invalidRequest("This value must be less than or equal to 100.", "limit");
  return limit;
}

/** `created=123` or `created[gte]=123&created[lt]=456`. */
function createdFilter(value: FormValue | undefined): (created: number) => boolean {
  if (value === undefined || value === "") return () => true;
  if (typeof value === "string") {
    const exact = integerParam(value, "created");
    return (created) => created === exact;
  }
  if (Array.isArray(value)) throw invalidRequest("Invalid timestamp or hash", "created");
  const bounds = Object.entries(value).map(([key, raw]) => {
    if (!RANGE_KEYS.has(key)) throw invalidRequest(`Received unknown parameter: created[${key}]`, `created[${key}]`);
    return [key, integerParam(raw, `created[${key}]`)] as const;
  });
  return (created) =>
    bounds.every(([key, bound]) =>
      key === "gt" ? created > bound : key === "gte" ? created >= bound : key === "lt" ? created < bound : created <= bound,
    );
}

function cursor(value: FormValue | undefined, param: string): string | undefined {
  return value === undefined || value === "" ? undefined : stringParam(value, param);
}

/**
 * One page of `items` (the whole collection, in creation order). Order is Stripe's: newest
 * first; objects created in the same second keep their reverse creation order, so a cursor
 * always names a fixed position and pages never overlap or skip.
 */
export function listPage<T extends Listed>(items: readonly T[], params: FormObject, spec: ListSpec<T>): ListEnvelope<T> {
  for (const key of Object.keys(params)) {
    if (!COMMON_PARAMS.has(key) && !(key in spec.filters)) throw invalidRequest(`Received unknown parameter: ${key}`, key);
  }
  const limit = parseLimit(params.limit);
  const inRange = createdFilter(params.created);
  const after = cursor(params.starting_after, "starting_after");
  const before = cursor(params.ending_before, "ending_before");
  if (after !== undefined && before !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: starting_after, ending_before.");
  }

  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.created - a.item.created || b.index - a.index)
    .map(({ item }) => item);
  const rank = (id: string, param: string): number => {
    const at = ordered.findIndex((item) => item.id === id);
    if (at < 0) throw noSuch(spec.objectName, id, param, 400);
    return at;
  };
  const filters = Object.entries(spec.filters).flatMap(([key, parse]) => {
    const value = params[key];
    return value === undefined || value === "" ? [] : [parse(value)];
  });
  const matching = (item: T) => inRange(item.created) && filters.every((test) => test(item));

  let page: { item: T; at: number }[] = ordered.map((item, at) => ({ item, at })).filter(({ item }) => matching(item));
  let hasMore: boolean;
  if (before !== undefined) {
    const edge = rank(before, "ending_before");
    const earlier = page.filter(({ at }) => at < edge);
    page = earlier.slice(-limit);
    hasMore = earlier.length > limit;
  } else {
    const edge = after === undefined ? -1 : rank(after, "starting_after");
    const later = page.filter(({ at }) => at > edge);
    page = later.slice(0, limit);
    hasMore = later.length > limit;
  }
  return { object: "list", data: page.map(({ item }) => item), has_more: hasMore, url: spec.url };
}

export function stringParam(value: FormValue, param: string): string {
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${describeFormValue(value)}`, param);
  return value;
}

/** A filter whose value must be one string (`status=complete`). */
export function equals<T extends Listed>(read: (item: T) => unknown, param: string): (value: FormValue) => (item: T) => boolean {
  return (value) => {
    const wanted = stringParam(value, param);
    return (item) => read(item) === wanted;
  };
}

/** `delivery_success=true|false`. */
export function booleanParam(value: FormValue, param: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest(`Invalid boolean: ${describeFormValue(value)}`, param);
}

/** Stripe's `type` filter accepts one wildcard at the end (`charge.*`). */
export function matchesEventType(type: string, pattern: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

/** `types[]=a&types[]=b` (up to 20), exclusive with `type`. */
export function eventTypes(value: FormValue): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw invalidRequest("Invalid array", "types");
  if (value.length > 20) throw new StripeApiError(400, "invalid_request_error", "You may pass up to 20 types.", { param: "types" });
  return value as string[];
}
