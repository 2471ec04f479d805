import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { claimOutboxMessage } from "@/modules/outbox-delivery/claim-outbox-message";
import { deliverAccountEmail } from "@/modules/outbox-delivery/account-email";
import { MailSendError } from "@/modules/ports/mailer";
import { outboxDeps } from "@/server/jobs/workers";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";

// The reset flow through the real /api/auth route and the real outbox worker, with the real
// SendGrid SDK posting to the sandbox: the auth request only writes the row, the worker sends.
const BASE = "http://localhost:3000";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(async () => h.close());

function post(path: string, body: unknown) {
  return POST(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp(email: string, password = "original-password-1") {
  const res = await post("/sign-up/email", { name: "Reset Tester", email, password });
  return { status: res.status, body: (await res.json()) as { token: string | null; user: Record<string, unknown> } };
}

const signIn = async (email: string, password: string) => (await post("/sign-in/email", { email, password })).status;
const mailsTo = (email: string) => h.sendgrid.messages.filter((m) => JSON.stringify(m.body).includes(email));
const resetRows = (userId: string) => h.db.outboxMessage.findMany({ where: { userId, kind: "EMAIL_PASSWORD_RESET" } });

describe("password reset", () => {
  const email = `reset-${crypto.randomUUID()}@example.test`;
  let userId: string;
  let link: string;

  it("writes an outbox row for the user and sends nothing from the request", async () => {
    await signUp(email);
    userId = (await h.db.user.findUniqueOrThrow({ where: { email } })).id;
    const res = await post("/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(res.status).toBe(200);
    const [row, ...more] = await resetRows(userId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ status: "PENDING", bookingId: null, userId });
    const payload = row!.payload as { template: string; url: string; expiresAt: string };
    expect(payload.template).toBe("password-reset");
    expect(payload.url).toMatch(new RegExp(`^${BASE}/api/auth/reset-password/[A-Za-z0-9]+\\?callbackURL=%2Freset-password$`));
    expect(new Date(payload.expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    // Workers are not running yet: no email left with the request.
    expect(mailsTo(email)).toHaveLength(0);
  });

  it("answers an unknown address exactly like a known one, writing nothing", async () => {
    const before = await h.db.outboxMessage.count();
    const known = await post("/request-password-reset", { email, redirectTo: "/reset-password" });
    const unknown = await post("/request-password-reset", {
      email: `nobody-${crypto.randomUUID()}@example.test`,
      redirectTo: "/reset-password",
    });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect(await h.db.outboxMessage.count()).toBe(before + 1); // the known address's second link
  });

  it("is delivered by the outbox worker through SendGrid, and the link is cleared from the row once sent", async () => {
    await h.startWorkers();
    const rows = await eventually(async () => {
      const r = await resetRows(userId);
      expect(r.map((x) => x.status)).toEqual(["SENT", "SENT"]);
      return r;
    });
    for (const row of rows) {
      expect(row.payload).toBeNull();
      expect(row.lastStatusCode).toBe(202);
      expect(row.providerMessageId).toBeTruthy();
    }
    const mails = mailsTo(email);
    expect(mails).toHaveLength(2);
    const body = mails[0]!.body as { subject: string; personalizations: unknown; content: { type: string; value: string }[] };
    expect(body.subject).toBe("Reset your Builder Bookings password");
    expect(body.personalizations).toMatchObject([{ to: [{ email, name: "Reset Tester" }] }]);
    const text = body.content.find((c) => c.type === "text/plain")!.value;
    link = /(http:\/\/localhost:3000\/api\/auth\/reset-password\/\S+)/.exec(text)![1]!;
    // The first email's link: its token is still good (a second request does not void the first).
    expect(link).toContain("callbackURL=%2Freset-password");
  });

  it("sends the link to the reset page with its token, sets the password once, and signs out old sessions", async () => {
    const check = await GET(new Request(link));
    expect(check.status).toBe(302);
    const landing = new URL(check.headers.get("location")!);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9]{24}$/);
    // Tokens are stored hashed: the database does not hold a usable link.
    expect(await h.db.verification.count({ where: { identifier: `reset-password:${token}` } })).toBe(0);

    expect(await signIn(email, "original-password-1")).toBe(200);
    expect(await h.db.session.count({ where: { userId } })).toBe(1);
    const reset = await post("/reset-password", { newPassword: "brand-new-password-2", token });
    expect(reset.status).toBe(200);
    expect(await h.db.session.count({ where: { userId } })).toBe(0);
    expect(await signIn(email, "original-password-1")).toBe(401);
    expect(await signIn(email, "brand-new-password-2")).toBe(200);

    const again = await post("/reset-password", { newPassword: "third-password-3", token });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    const used = await GET(new Request(link));
    expect(new URL(used.headers.get("location")!).searchParams.get("error")).toBe("INVALID_TOKEN");
    expect(await signIn(email, "brand-new-password-2")).toBe(200);
  });

  it("refuses a password too short for a live token with a 400, keeping the token", async () => {
    await post("/request-password-reset", { email, redirectTo: "/reset-password" });
    const mail = await eventually(async () => {
      const all = mailsTo(email);
      expect(all).toHaveLength(3);
      return all[2]!;
    });
    const token = /reset-password\/([A-Za-z0-9]+)/.exec(JSON.stringify(mail.body))![1]!;
    const short = await post("/reset-password", { newPassword: "short", token });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    expect((await post("/reset-password", { newPassword: "long-enough-password-4", token })).status).toBe(200);
    expect(await signIn(email, "long-enough-password-4")).toBe(200);
  });
});

describe("an account email that can no longer be sent usefully", () => {
  it("is not sent once its link has expired, and the link is cleared", async () => {
    const user = await h.db.user.create({
      data: { id: crypto.randomUUID(), name: "Late", email: `late-${crypto.randomUUID()}@example.test` },
    });
    // Written as the pause lever would have held it: past its expiry. Not dispatched, so no
    // worker races this test for it.
    const row = await h.db.outboxMessage.create({
      data: {
        kind: "EMAIL_PASSWORD_RESET",
        userId: user.id,
        payload: {
          template: "password-reset",
          url: `${BASE}/api/auth/reset-password/x?callbackURL=%2F`,
          expiresAt: new Date(Date.now() - 1000).toISOString(),
        },
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    const claim = await claimOutboxMessage(h.db, { outboxId: row.id });
    if (typeof claim === "string") throw new Error(`not claimed: ${claim}`);
    const error = await deliverAccountEmail(h.db, claim, outboxDeps(h.db)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).retryable).toBe(false);
    expect((await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).payload).toBeNull();
    expect(mailsTo(user.email)).toHaveLength(0);
  });
});

describe("sign-up with an address that already has an account", () => {
  it("answers like a new sign-up, changes nothing, and emails the owner instead", async () => {
    const owner = `owner-${crypto.randomUUID()}@example.test`;
    const fresh = await signUp(owner, "owners-password-1");
    const ownerId = (await h.db.user.findUniqueOrThrow({ where: { email: owner } })).id;
    const usersBefore = await h.db.user.count();

    const again = await signUp(owner, "attackers-password-1");
    expect(again.status).toBe(fresh.status);
    expect(again.body.token).toBeNull();
    expect(fresh.body.token).toBeNull();
    expect(Object.keys(again.body.user).sort()).toEqual(Object.keys(fresh.body.user).sort());
    expect(again.body.user.email).toBe(owner);
    expect(again.body.user.id).not.toBe(ownerId);
    expect(await h.db.user.count()).toBe(usersBefore);

    // The owner's password is untouched; the other one does not sign in.
    expect(await signIn(owner, "attackers-password-1")).toBe(401);
    expect(await signIn(owner, "owners-password-1")).toBe(200);

    const mail = await h.sendgrid.waitForMessage((m) => JSON.stringify(m.body).includes(owner), 10_000);
    expect((mail.body as { subject: string }).subject).toBe("You already have a Builder Bookings account");
    const text = JSON.stringify(mail.body);
    expect(text).toContain(`${BASE}/forgot-password`);
    const [row] = await resetRows(ownerId);
    expect(row).toMatchObject({ status: "SENT", payload: null });
  });

  it("a new address still gets an account that signs in", async () => {
    const email = `new-${crypto.randomUUID()}@example.test`;
    const res = await signUp(email, "new-users-password-1");
    expect(res.status).toBe(200);
    expect(await h.db.user.count({ where: { email } })).toBe(1);
    expect(await signIn(email, "new-users-password-1")).toBe(200);
    // No email for a new account.
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(email)).toHaveLength(0);
  });
});
