// `/__sandbox/...` routes of the Stripe sandbox: the handle's controls over
// HTTP, for a developer's shell or a browser test running in another process.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, matchPath, parseJsonObject, readBody, sendJson } from "./http-util";
import { StripeApiError } from "./stripe-errors";
import type { StripeEvent } from "./stripe-objects";
import type { StripeSandbox } from "./stripe-sandbox";

export function createStripeControl(sandbox: StripeSandbox): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  return async (req, res, path) => {
    const method = req.method ?? "GET";
    const body = parseJsonObject(await readBody(req));
    const deliver = typeof body.deliver === "boolean" ? body.deliver : undefined;
    let m: Record<string, string> | null;
    try {
      if (path === "/__sandbox/requests") {
        if (method === "DELETE") {
          sandbox.clearRequests();
          return sendJson(res, 200, { cleared: true });
        }
        return sendJson(res, 200, sandbox.requests);
      }
      if (method === "GET" && path === "/__sandbox/deliveries") return sendJson(res, 200, sandbox.deliveries);
      if (method === "GET" && path === "/__sandbox/events") return sendJson(res, 200, sandbox.events);
      if (method === "GET" && (m = matchPath("/__sandbox/checkout/sessions/:id", path))) {
        const session = sandbox.getCheckoutSession(m.id ?? "");
        return session ? sendJson(res, 200, session) : sendJson(res, 404, { error: "no such checkout session" });
      }
      if (method === "POST" && (m = matchPath("/__sandbox/checkout/sessions/:id/:action", path))) {
        const id = m.id ?? "";
        let events: StripeEvent[];
        if (m.action === "complete") {
          const paymentStatus = body.paymentStatus === "unpaid" ? "unpaid" : "paid";
          const amountTotal = typeof body.amountTotal === "number" ? body.amountTotal : undefined;
          const currency = typeof body.currency === "string" ? body.currency : undefined;
          events = await sandbox.completeCheckout(id, { paymentStatus, amountTotal, currency, deliver });
        } else if (m.action === "expire") {
          events = await sandbox.expireCheckout(id, { deliver });
        } else if (m.action === "async-payment") {
          events = await sandbox.settleAsyncPayment(id, body.outcome === "failed" ? "failed" : "succeeded", {
            deliver,
          });
        } else {
          throw new HttpError(404, `unknown action ${m.action ?? ""}`);
        }
        return sendJson(res, 200, { events });
      }
      if (method === "POST" && path === "/__sandbox/events") {
        if (typeof body.type !== "string" || typeof body.object !== "object" || body.object === null) {
          throw new HttpError(400, "expected {type: string, object: {...}, deliver?: boolean}");
        }
        const event = sandbox.buildEvent(body.type, body.object as Record<string, unknown>);
        const status = deliver === false ? null : await sandbox.deliver(event);
        return sendJson(res, 200, { event, status });
      }
      if (method === "POST" && (m = matchPath("/__sandbox/events/:id/deliver", path))) {
        // Redelivery of an existing event (same id): what Stripe does on retries and duplicates.
        const event = sandbox.events.find((e) => e.id === m?.id);
        if (!event) throw new HttpError(404, "no such event");
        return sendJson(res, 200, { status: await sandbox.deliver(event) });
      }
      throw new HttpError(404, `unknown sandbox route ${method} ${path}`);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      if (err instanceof StripeApiError) return sendJson(res, err.status, { error: err.message });
      // Invalid transitions (paying an expired session, …) are the caller's mistake.
      return sendJson(res, 409, { error: err instanceof Error ? err.message : String(err) });
    }
  };
}
