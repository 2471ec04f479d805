import { z } from "zod";

// The field shapes every input is built from, shared by the API (src/server/trpc/schemas.ts)
// and forms. Text refuses control characters (NUL is what PostgreSQL rejects with 22021;
// the others only corrupt logs, emails and screens) and lone UTF-16 surrogates, which
// cannot be encoded as UTF-8. Numbers stay within PostgreSQL's int4 (2147483647).

/** C0 and C1 controls, DEL, lone surrogates and the Unicode line separators. */
const NOT_SINGLE_LINE = /[\p{Cc}\p{Cs}\u2028\u2029]/u;
/** The same, but tab and line breaks are fine in multi-line text. */
const NOT_MULTI_LINE = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

export function hasForbiddenCharacters(value: string, { multiLine = false }: { multiLine?: boolean } = {}): boolean {
  return (multiLine ? NOT_MULTI_LINE : NOT_SINGLE_LINE).test(value);
}

export const INT4_MAX = 2_147_483_647;
/** The most a session may cost (10,000.00 in its currency); also the bound of price filters. */
export const MAX_PRICE_CENTS = 1_000_000;

const tooShort = (min: number) => (min === 1 ? "Required" : `Use at least ${min} characters`);
const tooLong = (max: number) => `Use at most ${max} characters`;

/** Names, titles, tags, one-line answers: trimmed, no line breaks or control characters. */
export function singleLineText({ min = 0, max }: { min?: number; max: number }) {
  return z
    .string()
    .trim()
    .min(min, tooShort(min))
    .max(max, tooLong(max))
    .refine((v) => !hasForbiddenCharacters(v), "Use plain text on one line, without control characters");
}

/** Descriptions, bios, reasons: trimmed; tabs and line breaks are kept, other control characters refused. */
export function freeText({ max }: { max: number }) {
  return z
    .string()
    .trim()
    .max(max, tooLong(max))
    .refine((v) => !hasForbiddenCharacters(v, { multiLine: true }), "Remove control characters from the text");
}

/** What someone types into a search box; empty means no filter. */
export function searchText({ max }: { max: number }) {
  return singleLineText({ max });
}

/** Row ids: cuids, UUIDs and auth ids are all letters, digits, "_" and "-". */
export const id = z
  .string()
  .min(1, "Required")
  .max(64, "Not a valid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

/** Opaque URL-safe tokens (manage links, page cursors). */
export function urlSafeToken({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string()
    .min(min, "Not a valid token")
    .max(max, "Not a valid token")
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid token");
}

export const email = z.string().trim().max(254, tooLong(254)).pipe(z.email("Enter a valid email address"));

export const httpUrl = z
  .string()
  .trim()
  .max(2048, tooLong(2048))
  .refine((v) => !hasForbiddenCharacters(v), "Not a valid URL")
  .pipe(z.url({ protocol: /^https?$/, error: "Not a valid URL" }));

export const slug = z
  .string()
  .min(2, tooShort(2))
  .max(60, tooLong(60))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");

/** Whole numbers within [min, max]; max defaults to the int4 ceiling so nothing overflows a column. */
export function wholeNumber({ min = 0, max = INT4_MAX }: { min?: number; max?: number } = {}) {
  return z.number().int("Use a whole number").min(min, `Use a number of at least ${min}`).max(max, `Use a number of at most ${max}`);
}

export const priceCents = wholeNumber({ min: 0, max: MAX_PRICE_CENTS });
