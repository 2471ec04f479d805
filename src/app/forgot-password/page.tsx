import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

export const metadata: Metadata = {
  title: "Forgot your password",
  description: "Ask for a link to choose a new password for your Builder Bookings account.",
  robots: { index: false },
};

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      <ForgotPasswordForm />
    </div>
  );
}
