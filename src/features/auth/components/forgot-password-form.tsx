"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { forgotPasswordForm, type ForgotPasswordFormValues } from "@/core/validation/auth";
import { TextField } from "@/components/form-fields";
import { authClient } from "@/lib/auth-client";

/** The one answer for every address, known or not: the page must not tell who has an account. */
export const RESET_REQUESTED =
  "If an account exists for that address, we've sent a link to choose a new password. It works once, within an hour.";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ForgotPasswordFormValues, unknown, ForgotPasswordFormValues>({
    resolver: zodResolver(forgotPasswordForm),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    setError(null);
    try {
      const result = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
      // better-auth answers alike for known and unknown addresses; what is left is a rate
      // limit (429) or an outage, which the person should hear about.
      if (result.error) {
        setError(
          result.error.status === 429
            ? "Too many requests from here. Wait a minute, then try again."
            : (result.error.message ?? "Could not send the link."),
        );
        return;
      }
      setSent(true);
    } catch {
      setError("Could not reach the server. Please try again.");
    }
  });

  if (sent) {
    return (
      <div className="card form auth-form">
        <p className="notice notice-success" role="status">
          {RESET_REQUESTED}
        </p>
        <p className="muted">Nothing in your inbox after a few minutes? Check the spam folder, or ask again.</p>
        <button type="button" className="button button-secondary" onClick={() => setSent(false)}>
          Ask again
        </button>
        <p className="muted">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="card form auth-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="muted">Enter the email address you signed up with and we will email you a link to choose a new password.</p>
      <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register("email")} />
      <div aria-live="assertive">
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Email me a reset link"}
      </button>
      <p className="muted">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
