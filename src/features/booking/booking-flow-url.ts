// The booking flow's place lives in the URL (?start=<iso>&step=details), so a refresh, Back
// and the sign-in round trip all come back to the same time and step.

export type FlowStep = "pick" | "details";
export type FlowPlace = { start: Date | null; step: FlowStep };

/** The place a query string names; junk reads as the start of the flow. */
export function readFlowPlace(params: { get(name: string): string | null }): FlowPlace {
  const raw = params.get("start");
  const start = raw ? new Date(raw) : null;
  const valid = start !== null && !Number.isNaN(start.getTime());
  return { start: valid ? start : null, step: valid && params.get("step") === "details" ? "details" : "pick" };
}

/** The path with the query string for `place` ("/book/x" or "/book/x?start=…&step=details"). */
export function flowHref(pathname: string, place: FlowPlace): string {
  const query = new URLSearchParams();
  if (place.start) query.set("start", place.start.toISOString());
  if (place.start && place.step === "details") query.set("step", "details");
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}
