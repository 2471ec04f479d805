// PostgreSQL reports constraint violations with SQLSTATE codes. Prisma surfaces them
// differently depending on the query path (known request errors, driver adapter errors),
// so this looks through the cause chain for the code rather than trusting one shape.

const EXCLUSION_VIOLATION = "23P01";
const UNIQUE_VIOLATION = "23505";

function collectCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 5) return [];
  const e = error as Record<string, unknown>;
  const codes: string[] = [];
  for (const key of ["code", "originalCode"]) {
    if (typeof e[key] === "string") codes.push(e[key]);
  }
  if (e.meta && typeof e.meta === "object") {
    const meta = e.meta as Record<string, unknown>;
    const driverError = meta.driverAdapterError as Record<string, unknown> | undefined;
    codes.push(...collectCodes(driverError, depth + 1));
    if (typeof meta.code === "string") codes.push(meta.code);
  }
  codes.push(...collectCodes(e.cause, depth + 1));
  return codes;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isExclusionViolation(error: unknown): boolean {
  return collectCodes(error).includes(EXCLUSION_VIOLATION) || /Booking_no_overlap|23P01/.test(messageOf(error));
}

/** P2002 is Prisma's unique-constraint code; 23505 is PostgreSQL's. */
export function isUniqueViolation(error: unknown): boolean {
  const codes = collectCodes(error);
  return codes.includes("P2002") || codes.includes(UNIQUE_VIOLATION);
}

/**
 * SQLSTATE class 22 (data exception): the database refused a value, e.g. a NUL byte in
 * text (22021), an int4 overflow (22003) or a timestamp out of range (22008). Input
 * schemas should refuse these first; this is the last line, for a 400 instead of a 500.
 */
export function isDataException(error: unknown): boolean {
  return collectCodes(error).some((code) => /^22[0-9A-Z]{3}$/.test(code));
}
