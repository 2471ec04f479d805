/**
 * PostgreSQL cannot store U+0000 in text or jsonb (22021 / 22P05). A signed event carrying one
 * (in an invitee's name, say) must still be recorded, or the provider would retry it forever
 * against a 503: the character is dropped, everything else is kept as sent. The signature was
 * checked on the raw bytes before this runs.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item as unknown)])) as T;
  }
  return value;
}
