import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { showServerErrors } from "@/lib/form-errors";

/**
 * A console form whose money action is confirmed in a second step: the first submit that
 * `needsReview` stores the values for the review, the next one runs the action. A server error
 * clears the review, lands on the form's fields and is kept for the footer; success closes it.
 */
export function useReviewedSubmit<T extends FieldValues>(
  form: UseFormReturn<T, unknown, T>,
  { needsReview, run }: { needsReview: (values: T) => boolean; run: (values: T) => Promise<unknown> },
) {
  const [open, setOpen] = useState(false);
  const [review, setReview] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.handleSubmit(async (values) => {
    if (needsReview(values) && !review) return setReview(values);
    setFailure(null);
    try {
      await run(values);
      setReview(null);
      setOpen(false);
      form.reset();
    } catch (error) {
      setReview(null);
      showServerErrors(form.setError, error);
      setFailure(error);
    }
  });

  return { open, setOpen, review, clearReview: () => setReview(null), failure, submit };
}
