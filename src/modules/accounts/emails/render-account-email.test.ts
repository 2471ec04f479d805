import { describe, expect, it } from "vitest";
import { renderAccountEmail } from "./render-account-email";

const user = { email: "zoe@example.test", name: "Zoë <b>" };

describe("account emails", () => {
  it("a reset email carries its link in both parts and escapes the name", () => {
    const url = "https://app.example/api/auth/reset-password/abc123?callbackURL=%2Freset-password";
    const email = renderAccountEmail(
      { template: "password-reset", url, expiresAt: "2026-12-02T12:00:00.000Z" },
      user,
      "https://app.example",
    );
    expect(email.to).toEqual(user);
    expect(email.subject).toBe("Reset your Builder Bookings password");
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain("Zoë &lt;b&gt;");
    expect(email.html).not.toContain("<b>");
    expect(email.text).toContain("ignore this email");
  });

  it("the existing-account email links to sign in and to ask for a reset, and carries no secret", () => {
    const email = renderAccountEmail({ template: "existing-account" }, user, "https://app.example");
    expect(email.subject).toBe("You already have a Builder Bookings account");
    expect(email.text).toContain("https://app.example/sign-in");
    expect(email.text).toContain("https://app.example/forgot-password");
    expect(email.text).not.toContain("reset-password/");
  });
});
