/** A console timestamp: absolute and unambiguous (UTC), as operators compare it with logs. */
export function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
