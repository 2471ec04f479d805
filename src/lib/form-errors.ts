import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { getFieldErrors } from "./errors";

/**
 * Puts the API's per-field messages on the form's fields. Forms keep the API's field names
 * and row order, so "title" or "rules.3" lands where the form's own check would have put it.
 */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown): void {
  for (const [path, message] of Object.entries(getFieldErrors(error))) setError(path as Path<T>, { type: "server", message });
}

/**
 * The first message at or under a field error: its own, or one of its parts' (a row's
 * "startMinute", the fourth tag of "tags"), so one line can speak for the whole field.
 */
export function errorText(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string" && error.message) return error.message;
  for (const [key, part] of Object.entries(error)) {
    if (key === "ref") continue;
    const text = errorText(part);
    if (text) return text;
  }
  return undefined;
}
