// Reads iCalendar text the way a calendar client does (RFC 5545 §3.1), so tests assert on
// properties rather than on a snapshot of the library's exact output.

/** Unfolds continuation lines and returns each content line as [name with parameters, value]. */
export function icsContentLines(ics: string): [string, string][] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      // The value starts at the first colon outside a quoted parameter value.
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '"') quoted = !quoted;
        else if (line[i] === ":" && !quoted) return [line.slice(0, i), line.slice(i + 1)];
      }
      throw new Error(`not an iCalendar content line: ${line}`);
    });
}

/** The values of every `name` property; with parameters, as "PARAMS:value". */
export function icsProperty(ics: string, name: string): string[] {
  return icsContentLines(ics)
    .filter(([key]) => key === name || key.startsWith(`${name};`))
    .map(([key, value]) => (key === name ? value : `${key.slice(name.length + 1)}:${value}`));
}
