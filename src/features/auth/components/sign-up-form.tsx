"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { MIN_PASSWORD_LENGTH, signUpForm, type SignUpFormValues } from "@/core/validation/auth";
import { TextField } from "@/components/form-fields";
import { useAuthAction } from "@/features/auth/use-auth-action";
import { authClient } from "@/lib/auth-client";

/** After a sign-up, when signing in with the same details fails: the address had an account. */
export const SIGN_UP_NOT_SIGNED_IN =
  "We could not sign you in with these details. If this address already has an account, we have emailed it: sign in with its password, or ask for a reset link.";

/**
 * Sign-in has its own rate limit (3 per 10 s per client), which sign-up now spends from too:
 * a refusal there is waited out rather than shown to someone whose account was just created.
 */
async function signInAfterSignUp(email: string, password: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await authClient.signIn.email({ email, password });
    if (result.error?.status !== 429 || attempt === 4) return result;
    await new Promise((resolve) => setTimeout(resolve, 4000));
  }
}

export function SignUpForm({ next }: { next: string }) {
  const { error, setError, pending, run } = useAuthAction(next);
  const form = useForm<SignUpFormValues, unknown, SignUpFormValues>({
    resolver: zodResolver(signUpForm),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  // better-auth answers a sign-up with an address that has an account exactly like a new one
  // (and emails the owner), so the form signs in next: that works only for a new account or
  // the owner's own password (docs/decisions/0024-account-enumeration.md).
  const onSubmit = form.handleSubmit((values) => {
    setError(null);
    return run(async () => {
      const signedUp = await authClient.signUp.email(values);
      if (signedUp.error) return signedUp;
      const signedIn = await signInAfterSignUp(values.email, values.password);
      if (signedIn.error?.status === 401) return { error: { message: SIGN_UP_NOT_SIGNED_IN } };
      return signedIn;
    }, "Could not create your account.");
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
