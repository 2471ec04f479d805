import type { Metadata } from "next";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { safeNextPath } from "@/lib/safe-next";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to see your bookings or manage your builder dashboard.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <SignInForm next={next} />
    </div>
  );
}
