"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { signInForm, type SignInFormValues } from "@/core/validation/auth";
import { TextField } from "@/components/form-fields";
import { useAuthAction } from "@/features/auth/use-auth-action";
import { authClient } from "@/lib/auth-client";

export function SignInForm({ next }: { next: string }) {
  const { error, pending, run } = useAuthAction(next);
  const form = useForm<SignInFormValues, unknown, SignInFormValues>({
    resolver: zodResolver(signInForm),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    run(() => authClient.signIn.email(values), "Could not sign in. Check your email and password."),
  );

  return (
    <form
      className="card form auth-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div aria-live="assertive">
        {error ? (
          <p id="sign-in-error" className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className="muted">
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
