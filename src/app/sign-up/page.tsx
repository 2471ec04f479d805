import type { Metadata } from "next";
import { SignUpForm } from "@/features/auth/components/sign-up-form";
import { safeNextPath } from "@/lib/safe-next";

export const metadata: Metadata = {
  title: "Sign up",
  description: "Create an account to keep track of your bookings, or to offer your own sessions as a builder.",
};

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <SignUpForm next={next} />
    </div>
  );
}
