"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth-client";
import { TextField } from "./form-fields";
import { useAuthAction } from "./use-auth-action";

export function SignInForm({ next }: { next: string }) {
  const { error, pending, run } = useAuthAction(next);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => authClient.signIn.email({ email: email.trim(), password }), "Could not sign in. Check your email and password.");
  }

  return (
    <form className="card form auth-form" onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
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
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
