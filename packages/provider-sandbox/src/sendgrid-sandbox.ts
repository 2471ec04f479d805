// Local stand-in for SendGrid's v3 Mail Send plus a browsable inbox. Point
// @sendgrid/mail at it after setApiKey (which resets the base URL):
//   sgMail.setApiKey('SG.x'); sgMail.client.setDefaultRequest('baseUrl', sandbox.url)
import { STATUS_CODES } from "node:http";
import { randomBytes } from "node:crypto";
import {
  HttpError,
  bearerToken,
  createSandboxApp,
  emptyResponse,
  htmlResponse,
  jsonResponse,
  parseJsonObject,
  pathParam,
  readBody,
  requestHeaders,
  requestUrl,
  startServer,
} from "./http-util";
import type { RunningServer, SandboxApp, SandboxContext } from "./http-util";
import { attachmentsOf, inboxPage, messagePage, recipients } from "./sendgrid-pages";
import type { ReceivedAttachment, ReceivedMail } from "./sendgrid-pages";
import { validateMailSend } from "./sendgrid-validate";
import type { SendgridError } from "./sendgrid-validate";
import { page } from "./html";

export type { ReceivedAttachment, ReceivedMail, SendgridError };
export { attachmentsOf, recipients };

export type SendgridSandboxOptions = { port?: number };

export type MailAttempt = {
  status: number;
  /** Set on 202 only. */
  messageId?: string;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  headers: Record<string, string>;
  /** True when the status came from failNext(). */
  injected: boolean;
  at: Date;
};

const errorsBody = (message: string): { errors: SendgridError[] } => ({
  errors: [{ message, field: null, help: null }],
});

export class SendgridSandbox {
  /** Accepted sends (202) only. */
  readonly messages: ReceivedMail[] = [];
  /** Every POST /v3/mail/send, whatever its outcome. */
  readonly attempts: MailAttempt[] = [];
  private readonly failures: number[] = [];
  private server: RunningServer | undefined;

  get url(): string {
    return this.running().url;
  }
  get port(): number {
    return this.running().port;
  }

  /** The next sends answer these statuses, in order, then sends succeed again. */
  failNext(statuses: number[]): void {
    for (const status of statuses) {
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`failNext: ${status} is not an error status`);
    }
    this.failures.push(...statuses);
  }

  clear(): void {
    this.messages.length = 0;
    this.attempts.length = 0;
    this.failures.length = 0;
  }

  /** For code that sends asynchronously (an outbox worker): waits until a matching message arrives. */
  async waitForMessage(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching email within ${timeoutMs} ms (${this.messages.length} received)`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  async listen(port = 0): Promise<void> {
    this.server = await startServer(this.routes(), port);
  }

  private running(): RunningServer {
    if (!this.server) throw new Error("SendGrid sandbox is not listening yet");
    return this.server;
  }

  private routes(): SandboxApp {
    const app = createSandboxApp();
    app.post("/v3/mail/send", (c) => this.mailSend(c));
    app.get("/", () => htmlResponse(200, inboxPage(this.messages)));
    app.get("/messages/:id", (c) => {
      const id = pathParam(c, "id");
      const mail = this.messages.find((x) => x.messageId === id);
      return mail ? htmlResponse(200, messagePage(mail)) : htmlResponse(404, page("Not found", "SendGrid", "<h1>No such email</h1>"));
    });
    app.delete("/__sandbox/messages", () => {
      this.clear();
      return jsonResponse(200, { cleared: true });
    });
    app.all("/__sandbox/messages", (c) => {
      const to = requestUrl(c).searchParams.get("to");
      return jsonResponse(200, to ? this.messages.filter((x) => recipients(x).includes(to)) : this.messages);
    });
    app.get("/__sandbox/attempts", () => jsonResponse(200, this.attempts));
    app.post("/__sandbox/fail-next", async (c) => {
      const body = parseJsonObject(await readBody(c));
      const statuses = body.statuses;
      if (!Array.isArray(statuses) || !statuses.every((s): s is number => typeof s === "number")) {
        throw new HttpError(400, 'expected {"statuses": [503, ...]}');
      }
      try {
        this.failNext(statuses);
      } catch (err) {
        throw new HttpError(400, err instanceof Error ? err.message : String(err));
      }
      return jsonResponse(200, { queued: this.failures });
    });
    app.notFound(() => jsonResponse(404, errorsBody("not found")));
    return app;
  }

  private async mailSend(c: SandboxContext): Promise<Response> {
    const rawBody = await readBody(c);
    const headers = requestHeaders(c);
    let body: unknown = rawBody;
    try {
      body = JSON.parse(rawBody);
    } catch {
      // Left as text: recorded as received, answered 400 below.
    }
    const attempt = (status: number, injected: boolean, messageId?: string): void => {
      this.attempts.push({ status, messageId, body, headers, injected, at: new Date() });
    };

    const key = bearerToken(c);
    if (key === undefined) {
      attempt(401, false);
      return jsonResponse(401, errorsBody("authorization required"));
    }
    if (!key.startsWith("SG.")) {
      attempt(401, false);
      return jsonResponse(401, errorsBody("The provided authorization grant is invalid, expired, or revoked"));
    }
    const injected = this.failures.shift();
    if (injected !== undefined) {
      attempt(injected, true);
      const extra: Record<string, string> =
        injected === 429
          ? {
              "X-RateLimit-Limit": "600",
              "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + 1),
            }
          : {};
      return jsonResponse(injected, errorsBody(`${STATUS_CODES[injected] ?? "Error"} (injected by the SendGrid sandbox)`), extra);
    }
    const errors = validateMailSend(body);
    if (errors.length > 0) {
      attempt(400, false);
      return jsonResponse(400, { errors });
    }
    // SendGrid's current ids are 22 url-safe base64 characters.
    const messageId = randomBytes(16).toString("base64url");
    attempt(202, false, messageId);
    this.messages.push({ messageId, body: body as Record<string, unknown>, headers, at: new Date() });
    return emptyResponse(202, { "X-Message-Id": messageId });
  }
}

export async function startSendgridSandbox(opts: SendgridSandboxOptions = {}): Promise<SendgridSandbox> {
  const sandbox = new SendgridSandbox();
  await sandbox.listen(opts.port ?? 0);
  return sandbox;
}
