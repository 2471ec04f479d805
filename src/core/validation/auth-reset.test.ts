import { describe, expect, it } from "vitest";
import { resetPasswordForm, resetPasswordToken } from "./auth";

describe("the reset password form", () => {
  it("asks for the same password twice, with the mismatch on the second field", () => {
    const result = resetPasswordForm.safeParse({ password: "long-enough-1", confirmPassword: "long-enough-2" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["confirmPassword"], message: "The two passwords do not match" }),
    ]);
    expect(resetPasswordForm.safeParse({ password: "long-enough-1", confirmPassword: "long-enough-1" }).success).toBe(true);
  });

  it("applies the sign-up password rule", () => {
    const result = resetPasswordForm.safeParse({ password: "short", confirmPassword: "short" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["password"], message: "Use at least 8 characters" });
  });

  it("takes only token-shaped tokens", () => {
    expect(resetPasswordToken.safeParse("AbCdEf0123456789AbCdEf01").success).toBe(true);
    for (const bad of [undefined, "", "short", "has space in it 12345", ["a", "b"], "x".repeat(200)]) {
      expect(resetPasswordToken.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});
