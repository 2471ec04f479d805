/** Shape of `error.data` produced by the server's tRPC error formatter. */
type AppErrorData = {
  appCode?: string;
  httpStatus?: number;
  zodIssues?: Array<{ path: unknown; message: string }> | null;
};

function errorDataOf(err: unknown): AppErrorData | undefined {
  if (!err || typeof err !== "object" || !("data" in err)) return undefined;
  const data = err.data;
  return data && typeof data === "object" ? data : undefined;
}

export function getAppCode(err: unknown): string | undefined {
  return errorDataOf(err)?.appCode;
}

/**
 * The sentence to show for a failed call. An input the API refused reads as its first
 * field's message (the shared schema's words, the same the form shows beside the field),
 * not the formatter's summary, which names fields by their paths for API clients.
 */
export function getErrorMessage(err: unknown, fallback = "Something went wrong. Please try again."): string {
  const firstIssue = errorDataOf(err)?.zodIssues?.[0]?.message;
  if (firstIssue) return firstIssue;
  if (err && typeof err === "object" && "message" in err) {
    const message = err.message;
    if (typeof message === "string" && message.trim() !== "") return message;
  }
  return fallback;
}

export function isSlotTaken(err: unknown): boolean {
  return errorDataOf(err)?.appCode === "SLOT_UNAVAILABLE";
}

function pathToKey(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join(".");
  return typeof path === "string" ? path : "";
}

/**
 * Per-field validation messages from `error.data.zodIssues`, keyed by the dotted path
 * ("title", "rules.0.startMinute"). The first message wins for each path.
 */
export function getFieldErrors(err: unknown): Record<string, string> {
  const issues = errorDataOf(err)?.zodIssues;
  const out: Record<string, string> = {};
  if (!Array.isArray(issues)) return out;
  for (const issue of issues) {
    const key = pathToKey(issue.path);
    if (key && !(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A missing record, or an identifier so malformed it cannot name one. */
export function isNotFound(err: unknown): boolean {
  const code = getAppCode(err);
  return code === "NOT_FOUND" || code === "VALIDATION";
}
