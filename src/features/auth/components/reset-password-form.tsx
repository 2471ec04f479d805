"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { MIN_PASSWORD_LENGTH, resetPasswordForm, type ResetPasswordFormValues } from "@/core/validation/auth";
import { TextField } from "@/components/form-fields";
import { authClient } from "@/lib/auth-client";

/** A reset link that cannot be used (expired, used already, mistyped), with the way forward. */
export function InvalidResetLink() {
  return (
    <div className="card form auth-form">
      <p className="notice notice-error" role="alert">
        This reset link has expired or was already used. Links work once, within an hour.
      </p>
      <Link className="button" href="/forgot-password">
        Ask for a new link
      </Link>
    </div>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<"done" | "invalid" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ResetPasswordFormValues, unknown, ResetPasswordFormValues>({
    resolver: zodResolver(resetPasswordForm),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setError(null);
    try {
      const result = await authClient.resetPassword({ newPassword: password, token });
      if (!result.error) return setOutcome("done");
      if (result.error.code === "INVALID_TOKEN") return setOutcome("invalid");
      setError(
        result.error.status === 429
          ? "Too many attempts. Wait a few seconds, then try again."
          : (result.error.message ?? "Could not set the password."),
      );
    } catch {
      setError("Could not reach the server. Please try again.");
    }
  });

  if (outcome === "invalid") return <InvalidResetLink />;
  if (outcome === "done") {
    return (
      <div className="card form auth-form">
        <p className="notice notice-success" role="status">
          Your password is changed, and every device that was signed in is signed out.
        </p>
        <Link className="button" href="/sign-in">
          Sign in with your new password
        </Link>
      </div>
    );
  }

  return (
    <form className="card form auth-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <div aria-live="assertive">
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
