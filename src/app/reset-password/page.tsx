import type { Metadata } from "next";
import { resetPasswordToken } from "@/core/validation/auth";
import { InvalidResetLink, ResetPasswordForm } from "@/features/auth/components/reset-password-form";

export const metadata: Metadata = {
  title: "Choose a new password",
  description: "Set a new password for your Builder Bookings account.",
  robots: { index: false },
  // The token is in this page's URL: no Referer carries it to another site.
  referrer: "no-referrer",
};

/**
 * Reached from the email's link through better-auth's check, which adds `?token=` for a live
 * link and `?error=INVALID_TOKEN` for an expired or used one.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = resetPasswordToken.safeParse(params.token);
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {token.success && params.error === undefined ? <ResetPasswordForm token={token.data} /> : <InvalidResetLink />}
    </div>
  );
}
