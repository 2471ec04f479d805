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

export function getErrorMessage(err: unknown, fallback = "Something went wrong. Please try again."): string {
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

/** True when an error carries field-level issues (so a generic banner can be softened). */
export function hasFieldErrors(err: unknown): boolean {
  return Object.keys(getFieldErrors(err)).length > 0;
}

/** A missing record, or an identifier so malformed it cannot name one. */
export function isNotFound(err: unknown): boolean {
  const code = getAppCode(err);
  return code === "NOT_FOUND" || code === "VALIDATION";
}
