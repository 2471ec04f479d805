"use client";

import { getErrorMessage } from "@/lib/errors";

/**
 * The foot of a money action's form: the server's refusal (unless a field already shows it),
 * then the submit button that becomes "Yes, …" once the operator has seen the review, and a
 * secondary button that steps back from the review or closes the form.
 */
export function ReviewedActionFooter({
  failure,
  showFailure,
  pending,
  reviewing,
  actionLabel,
  confirmLabel,
  closeLabel,
  onBack,
  onClose,
}: {
  failure: unknown;
  showFailure: boolean;
  pending: boolean;
  reviewing: boolean;
  actionLabel: string;
  confirmLabel: string;
  closeLabel: string;
  onBack: () => void;
  onClose: () => void;
}) {
  return (
    <>
      <div aria-live="assertive">
        {failure && showFailure ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(failure)}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={pending}>
          {pending ? "Working…" : reviewing ? confirmLabel : actionLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={reviewing ? onBack : onClose} disabled={pending}>
          {reviewing ? "Back" : closeLabel}
        </button>
      </div>
    </>
  );
}
