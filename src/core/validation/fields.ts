// First: zod's settings must be in place before any schema is built (see friendly-error.ts).
import "./friendly-error";
import { z } from "zod";
import { supportedCurrencies } from "../money/money";
import { isValidTimeZone } from "../time/time-zone";

// The field shapes every feature schema (booking.ts, session-type.ts, ...) is built from, so
// the API and the forms share them. Text refuses control characters (NUL is what PostgreSQL
// rejects with 22021; the others only corrupt logs, emails and screens) and lone UTF-16
// surrogates, which cannot be encoded as UTF-8. Numbers stay within PostgreSQL's int4.
// A `label` words the messages for the field a person sees ("Title must be at least 2
// characters"); without one they read "Use at least 2 characters".

/** C0 and C1 controls, DEL, lone surrogates and the Unicode line separators. */
const NOT_SINGLE_LINE = /[\p{Cc}\p{Cs}\u2028\u2029]/u;
/** The same, but tab and line breaks are fine in multi-line text. */
const NOT_MULTI_LINE = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

export function hasForbiddenCharacters(value: string, { multiLine = false }: { multiLine?: boolean } = {}): boolean {
  return (multiLine ? NOT_MULTI_LINE : NOT_SINGLE_LINE).test(value);
}

const INT4_MAX = 2_147_483_647;
/** The most a session may cost (10,000.00 in its currency); also the bound of price filters. */
export const MAX_PRICE_CENTS = 1_000_000;

type Label = { label?: string };

function tooShort(min: number, label?: string): string {
  if (min === 1) return label ? `${label} is required` : "Required";
  return label ? `${label} must be at least ${min} characters` : `Use at least ${min} characters`;
}
const tooLong = (max: number, label?: string) => (label ? `${label} must be at most ${max} characters` : `Use at most ${max} characters`);

/** Names, titles, tags, one-line answers: trimmed, no line breaks or control characters. */
export function singleLineText({ min = 0, max, label, required }: { min?: number; max: number; required?: string } & Label) {
  return z
    .string({ error: label ? `${label} must be text` : "Enter text" })
    .trim()
    .min(min, min === 1 && required ? required : tooShort(min, label))
    .max(max, tooLong(max, label))
    .refine((v) => !hasForbiddenCharacters(v), "Use plain text on one line, without control characters");
}

/** Descriptions, bios, reasons: trimmed; tabs and line breaks are kept, other control characters refused. */
export function freeText({ max, label }: { max: number } & Label) {
  return z
    .string({ error: label ? `${label} must be text` : "Enter text" })
    .trim()
    .max(max, tooLong(max, label))
    .refine((v) => !hasForbiddenCharacters(v, { multiLine: true }), "Remove control characters from the text");
}

/** What someone types into a search box; empty means no filter. */
export function searchText({ max }: { max: number }) {
  return singleLineText({ max });
}

/** Row ids: cuids, UUIDs and auth ids are all letters, digits, "_" and "-". */
export const id = z
  .string({ error: "Not a valid id" })
  .min(1, "Required")
  .max(64, "Not a valid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

/** Opaque URL-safe tokens (manage links, page cursors). */
export function urlSafeToken({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: "Not a valid token" })
    .min(min, "Not a valid token")
    .max(max, "Not a valid token")
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid token");
}

export const email = z
  .string({ error: "Enter a valid email address" })
  .trim()
  .max(254, tooLong(254))
  .pipe(z.email("Enter a valid email address"));

export const httpUrl = z
  .string({ error: "Not a valid URL" })
  .trim()
  .max(2048, tooLong(2048))
  .refine((v) => !hasForbiddenCharacters(v), "Not a valid URL")
  .pipe(z.url({ protocol: /^https?$/, error: "Not a valid URL" }));

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string({ error: "Enter a slug" })
  .min(2, "Use at least 2 characters for the slug")
  .max(60, "Use at most 60 characters for the slug")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens");

/** A slug suggested from a name: "My Great Builder!" -> "my-great-builder". */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** Whole numbers within [min, max]; max defaults to the int4 ceiling so nothing overflows a column. */
export function wholeNumber({ min = 0, max = INT4_MAX, label, unit }: { min?: number; max?: number; unit?: string } & Label = {}) {
  const range = `${label} must be between ${min} and ${max}${unit ? ` ${unit}` : ""}`;
  return z
    .number({ error: label ? `${label} must be a number` : "Enter a number" })
    .int(label ? `${label} must be a whole number` : "Use a whole number")
    .min(min, label ? range : `Use a number of at least ${min}`)
    .max(max, label ? range : `Use a number of at most ${max}`);
}

export const priceCents = wholeNumber({ min: 0, max: MAX_PRICE_CENTS });

export const timeZone = z
  .string({ error: "Choose a time zone" })
  .min(1, "Choose a time zone")
  .max(64, "Unknown IANA time zone")
  .refine(isValidTimeZone, "Unknown IANA time zone");

export const isoDate = z.iso.date("Use a date like 2026-03-08");

export const currency = z.enum(supportedCurrencies, { error: "Choose a currency" });
