import { z } from "zod";

// zod's own wording ("Too small: expected string to have >=2 characters") is written for
// developers. Every rule a person can break from a form carries its own message in the
// feature schemas; this map words whatever is left (a hand-made request, a wrong type) the
// same plain way, so no raw zod text reaches a screen or an API client.

const nouns: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  date: "a date",
  array: "a list",
  object: "a set of fields",
};

const sizes: Record<string, string> = { string: "characters", array: "items", set: "items", file: "bytes" };

function bound(kind: "at least" | "at most", origin: string, limit: number | bigint): string {
  const unit = sizes[origin];
  if (unit) return kind === "at least" && limit === 1 && origin === "string" ? "Required" : `Use ${kind} ${limit} ${unit}`;
  if (origin === "date") return kind === "at least" ? "That date is too early" : "That date is too late";
  return `Use a number of ${kind} ${limit}`;
}

const friendlyError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Required";
      return `Enter ${nouns[issue.expected] ?? "a valid value"}`;
    case "too_small":
      return bound("at least", issue.origin, issue.minimum);
    case "too_big":
      return bound("at most", issue.origin, issue.maximum);
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address";
      if (issue.format === "url") return "Not a valid URL";
      if (issue.format === "date") return "Use a date like 2026-03-08";
      return "Not in the expected format";
    case "invalid_value":
      return issue.values.length === 1 ? "Not an allowed value" : "Choose one of the offered options";
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.map((key) => key.slice(0, 40)).join(", ")}`;
    case "not_multiple_of":
      return `Use a multiple of ${issue.divisor}`;
    default:
      return "Not a valid value";
  }
};

// The application's zod settings, installed here, where every shared schema is built, so forms
// in the browser and the API on the server behave alike. The error map is consulted only for
// issues whose schema has no message of its own. `jitless`: zod would otherwise probe for
// `new Function`, which the browser's Content-Security-Policy reports as a violation (decision
// 0009); its compiled fast path only pays off on objects far larger than any input here.
z.config({ customError: friendlyError, jitless: true });
