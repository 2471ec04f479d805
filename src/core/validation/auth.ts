import { z } from "zod";
import { email, singleLineText } from "./fields";

// Signing up and in. better-auth owns the endpoints; its sign-up hook checks the name with
// `signUpName` and its password rule with MIN_PASSWORD_LENGTH, so the form refuses alike.

export const MIN_PASSWORD_LENGTH = 8;
/** better-auth's own ceiling (it refuses longer passwords before hashing them). */
const MAX_PASSWORD_LENGTH = 128;

/** A display name as every other form takes it: one line of plain text. */
export const signUpName = singleLineText({ min: 1, max: 80, required: "Enter your name" });

/** A new password, as sign-up and reset take it. */
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

export const signUpForm = z.object({ name: signUpName, email, password: newPassword });
export type SignUpFormValues = z.input<typeof signUpForm>;

export const signInForm = z.object({ email, password: z.string().min(1, "Enter your password") });
export type SignInFormValues = z.input<typeof signInForm>;

export const forgotPasswordForm = z.object({ email });
export type ForgotPasswordFormValues = z.input<typeof forgotPasswordForm>;

/** The new password twice: a typo in a field that shows dots would lock the person out again. */
export const resetPasswordForm = z
  .object({ password: newPassword, confirmPassword: z.string().min(1, "Type the new password again") })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match" });
export type ResetPasswordFormValues = z.input<typeof resetPasswordForm>;

/**
 * The token of a reset link (better-auth's 24 letters and digits); anything else is refused
 * before better-auth is asked, and the page says the link is not valid.
 */
export const resetPasswordToken = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, "This reset link is not valid");
