import { z } from "zod";
import { email, singleLineText } from "./fields";

// Signing up and in. better-auth owns the endpoints; its sign-up hook checks the name with
// `signUpName` and its password rule with MIN_PASSWORD_LENGTH, so the form refuses alike.

export const MIN_PASSWORD_LENGTH = 8;
/** better-auth's own ceiling (it refuses longer passwords before hashing them). */
const MAX_PASSWORD_LENGTH = 128;

/** A display name as every other form takes it: one line of plain text. */
export const signUpName = singleLineText({ min: 1, max: 80, required: "Enter your name" });

export const signUpForm = z.object({
  name: signUpName,
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type SignUpFormValues = z.input<typeof signUpForm>;

export const signInForm = z.object({ email, password: z.string().min(1, "Enter your password") });
export type SignInFormValues = z.input<typeof signInForm>;
