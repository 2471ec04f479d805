// Shared fixtures for the e2e suite: `import { test, expect } from "./fixtures"`.
//   signIn(email)   signs a demo account in through the real sign-in page.
//   inbox           reads the SendGrid sandbox's received mail (emails go out from a job
//                   queue after commit, so always wait for them with inbox.waitFor).
//   unique(prefix)  a string no other test or run uses (emails, slugs, reasons).
//   calendly        reads the Calendly sandbox's state (invitees, their cancel_url) and the
//                   webhooks it delivered to the app.
//   cspViolations   (automatic) every Content-Security-Policy violation the page reports; a
//                   test fails at the end if any was seen.
import { randomUUID } from "node:crypto";
import {
  sandboxControl,
  type CalendlyControl,
  type Json,
  type ReceivedMail,
  type SendgridControl,
} from "@booking/provider-sandbox/control";
import { test as base, expect, type Cookie, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "demo-password-1";
export const demo = {
  client: "client@demo.test",
  ada: "ada@demo.test",
  grace: "grace@demo.test",
  admin: "admin@demo.test",
} as const;

/** Where scripts/e2e-server.ts starts the sandboxes (E2E_SANDBOX_PORT moves them). */
const sandboxBase = Number(process.env.E2E_SANDBOX_PORT ?? 13111);
export const sandboxes = {
  stripe: `http://127.0.0.1:${sandboxBase}`,
  sendgrid: `http://127.0.0.1:${sandboxBase + 1}`,
  calendly: `http://127.0.0.1:${sandboxBase + 2}`,
} as const;

/** Typed clients for their `/__sandbox/...` control routes. */
const control = sandboxControl(sandboxes);

/** One mail as the SendGrid sandbox received it: the v3 Mail Send request body. */
export type SandboxMail = Json<ReceivedMail> & {
  body: {
    personalizations: { to: { email: string; name?: string }[] }[];
    subject?: string;
    content?: { type: string; value: string }[];
    custom_args?: Record<string, string>;
  };
};

export type MailQuery = {
  to: string;
  subject: string | RegExp;
  /** Only mails about this booking (its id appears in the mail: manage link, custom args). */
  bookingId?: string;
};

export class Inbox {
  constructor(private readonly sendgrid: SendgridControl) {}

  /** Every mail the sandbox accepted for this recipient, oldest first. */
  async to(email: string): Promise<SandboxMail[]> {
    return (await this.sendgrid.messages(email)) as SandboxMail[];
  }

  /** Waits (polling, up to `timeout` ms) for a matching mail and returns it. */
  async waitFor(query: MailQuery, timeout = 10_000): Promise<SandboxMail> {
    let found: SandboxMail | undefined;
    await expect
      .poll(
        async () => {
          const mails = (await this.to(query.to)).filter((m) => !query.bookingId || JSON.stringify(m.body).includes(query.bookingId));
          found = mails.find((m) =>
            typeof query.subject === "string" ? m.body.subject === query.subject : query.subject.test(m.body.subject ?? ""),
          );
          // On timeout the report shows the subjects that did arrive.
          return found ? "found" : mails.map((m) => m.body.subject);
        },
        { timeout, message: `email to ${query.to} with subject ${String(query.subject)}` },
      )
      .toBe("found");
    return found!;
  }
}

export function mailText(mail: SandboxMail): string {
  return mail.body.content?.find((c) => c.type === "text/plain")?.value ?? "";
}

/** An invitee as the Calendly sandbox holds it (API v2 field names), reduced to what tests read. */
export type SandboxInvitee = {
  uri: string;
  email: string;
  name: string;
  status: "active" | "canceled";
  event: string;
  cancel_url: string;
  reschedule_url: string;
  tracking: { utm_content: string | null; utm_source: string | null };
  cancellation?: { reason: string | null; canceler_type: "host" | "invitee" };
};

/** One webhook the Calendly sandbox POSTed to the app, with the app's answer. */
export type SandboxDelivery = { eventId: string; type: string; status: number; error?: string };

export class CalendlySandboxClient {
  constructor(private readonly calendly: CalendlyControl) {}

  /** Every invitee the sandbox knows (`GET /__sandbox/state`). */
  async invitees(): Promise<SandboxInvitee[]> {
    return this.calendly.invitees();
  }

  /** The invitee scheduled through our link for this booking (its id travels as utm_content). */
  async inviteeFor(bookingId: string): Promise<SandboxInvitee> {
    const found = (await this.invitees()).filter((i) => i.tracking.utm_content === bookingId);
    expect(
      found.map((i) => i.uri),
      `one Calendly invitee with utm_content=${bookingId}`,
    ).toHaveLength(1);
    return found[0]!;
  }

  /** The signed webhooks delivered to the app about this invitee, in delivery order. */
  async deliveriesFor(inviteeUri: string): Promise<SandboxDelivery[]> {
    return (await this.calendly.deliveries()).filter((d) => d.eventId === inviteeUri);
  }
}

export type SignInOptions = {
  password?: string;
  /** Sign in through the form even if this worker already has a session for the account. */
  fresh?: boolean;
};

type Fixtures = {
  /**
   * Content-Security-Policy violations seen in this test's page (`securitypolicyviolation`
   * events and Chromium's "Refused to ..." console errors). Automatic: the test fails if any
   * remain at its end. A test that provokes one on purpose empties the array after checking it.
   */
  cspViolations: string[];
  inbox: Inbox;
  calendly: CalendlySandboxClient;
  /** Signs `email` in; afterwards the page is on the marketplace, showing "Signed in as". */
  signIn: (email: string, options?: SignInOptions) => Promise<void>;
  unique: (prefix: string) => string;
};

type WorkerFixtures = {
  /** Session cookies per account, so each account goes through the sign-in form once per worker. */
  sessionCookies: Map<string, Cookie[]>;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  sessionCookies: [async ({}, use) => use(new Map()), { scope: "worker" }],

  cspViolations: [
    async ({ page }, use) => {
      const seen: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (/Content[ -]Security[ -]Policy|^Refused to /i.test(text)) seen.push(`console: ${text} (${page.url()})`);
      });
      await page.exposeFunction("__e2eCspViolation", (report: string) => seen.push(`event: ${report}`));
      // Playwright injects init scripts outside the page's CSP, before any page script runs.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const report = (window as unknown as { __e2eCspViolation: (r: string) => void }).__e2eCspViolation;
          report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      await use(seen);
      expect(seen, "Content-Security-Policy violations in this test").toEqual([]);
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  inbox: async ({}, use) => {
    await use(new Inbox(control.sendgrid));
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  calendly: async ({}, use) => {
    await use(new CalendlySandboxClient(control.calendly));
  },

  // better-auth allows 3 sign-ins per 10 s per IP (its default rule for /sign-in*), and every
  // test comes from 127.0.0.1: reuse a session instead of signing in again for each test. A test
  // that signs out (ending the session for good) must pass { fresh: true } to the next signIn.
  signIn: async ({ page, sessionCookies }, use) => {
    await use(async (email, { password = DEMO_PASSWORD, fresh = false } = {}) => {
      const cached = fresh ? undefined : sessionCookies.get(email);
      if (cached) {
        await page.context().addCookies(cached);
        await page.goto("/");
      } else {
        await page.goto("/sign-in");
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Sign in" }).click();
      }
      await expect(page.getByText(/^Signed in as/)).toBeVisible();
      sessionCookies.set(email, await page.context().cookies());
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  unique: async ({}, use) => {
    await use((prefix) => `${prefix}-${randomUUID().slice(0, 8)}`);
  },
});

/**
 * In the week slot picker of a booking page: picks the first bookable time (moving on to
 * later weeks when this one has none) and returns its start instant (ISO).
 */
export async function pickFirstSlot(page: Page, maxWeeks = 4): Promise<string> {
  const picker = page.getByRole("region", { name: "Pick a time" });
  const summary = picker.getByRole("status").filter({ hasText: /available times? this week|No available times/ });
  const weekLabel = picker.getByRole("group", { name: "Week" }).locator(".week-label");
  const slots = picker.locator('[data-testid^="slot-"]');
  for (let week = 0; week < maxWeeks; week++) {
    await expect(summary).toBeVisible();
    if ((await slots.count()) > 0) {
      const slot = slots.first();
      const start = (await slot.getAttribute("data-testid"))!.slice("slot-".length);
      await slot.click();
      return start;
    }
    const shown = await weekLabel.textContent();
    await picker.getByRole("button", { name: "Next week" }).click();
    await expect(weekLabel).not.toHaveText(shown ?? "");
  }
  throw new Error(`no bookable time in the next ${maxWeeks} weeks`);
}

/** The booking id from a /bookings/<id> URL. */
export function bookingIdFrom(url: string): string {
  const match = /\/bookings\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!match) throw new Error(`not a booking page: ${url}`);
  return decodeURIComponent(match[1]!);
}

/**
 * In the week slot picker: moves on week by week until the slot starting at `startIso` is
 * offered, and returns its button (fails when it is not offered within `maxWeeks`).
 */
export async function findSlot(page: Page, startIso: string, maxWeeks = 4) {
  const picker = page.getByRole("region", { name: "Pick a time" });
  const summary = picker.getByRole("status").filter({ hasText: /available times? this week|No available times/ });
  const weekLabel = picker.getByRole("group", { name: "Week" }).locator(".week-label");
  const slot = picker.getByTestId(`slot-${startIso}`);
  for (let week = 0; week < maxWeeks; week++) {
    await expect(summary).toBeVisible();
    if ((await slot.count()) > 0) return slot;
    const shown = await weekLabel.textContent();
    await picker.getByRole("button", { name: "Next week" }).click();
    await expect(weekLabel).not.toHaveText(shown ?? "");
  }
  throw new Error(`${startIso} is not offered in the next ${maxWeeks} weeks`);
}
