"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { MIN_PASSWORD_LENGTH, signUpForm, type SignUpFormValues } from "@/core/validation/auth";
import { TextField } from "@/components/form-fields";
import { useAuthAction } from "@/features/auth/use-auth-action";
import { authClient } from "@/lib/auth-client";

export function SignUpForm({ next }: { next: string }) {
  const { error, setError, pending, run } = useAuthAction(next);
  const form = useForm<SignUpFormValues, unknown, SignUpFormValues>({
    resolver: zodResolver(signUpForm),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setError(null);
    return run(() => authClient.signUp.email(values), "Could not create your account.");
  });

  return (
    <form className="card form auth-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextField label="Name" autoComplete="name" required error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={errors.password?.message}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        {...form.register("password")}
      />
      <div aria-live="assertive">
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating account…" : "Sign up"}
      </button>
      <p className="muted">
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in instead</Link>
      </p>
    </form>
  );
}
