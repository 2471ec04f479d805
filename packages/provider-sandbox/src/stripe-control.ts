// `/__sandbox/...` routes of the Stripe sandbox: the handle's controls over
// HTTP, for a developer's shell or a browser test running in another process
// (typed client: `sandboxControl(...).stripe` in control-client.ts).
import { HttpError, isUnder, jsonResponse, parseJsonObject, pathParam, readBody, requestUrl } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";
import { StripeApiError } from "./stripe-errors";
import type { StripeEvent } from "./stripe-objects";
import type { StripeSandbox } from "./stripe-sandbox";

type ControlRoute = (c: SandboxContext, body: Record<string, unknown>, deliver: boolean | undefined) => Promise<Response> | Response;

export function mountStripeControl(app: SandboxApp, sandbox: StripeSandbox): void {
  /** Every control route reads a JSON object body (empty = {}); invalid JSON is a 400 before routing. */
  const control =
    (route: ControlRoute) =>
    async (c: SandboxContext): Promise<Response> => {
      const body = parseJsonObject(await readBody(c));
      const deliver = typeof body.deliver === "boolean" ? body.deliver : undefined;
      try {
        return await route(c, body, deliver);
      } catch (err) {
        if (err instanceof HttpError) throw err;
        if (err instanceof StripeApiError) return jsonResponse(err.status, { error: err.message });
        // Invalid transitions (paying an expired session, …) are the caller's mistake.
        return jsonResponse(409, { error: err instanceof Error ? err.message : String(err) });
      }
    };

  app.delete(
    "/__sandbox/requests",
    control(() => {
      sandbox.clearRequests();
      return jsonResponse(200, { cleared: true });
    }),
  );
  app.all(
    "/__sandbox/requests",
    control(() => jsonResponse(200, sandbox.requests)),
  );
  app.get(
    "/__sandbox/deliveries",
    control(() => jsonResponse(200, sandbox.deliveries)),
  );
  app.get(
    "/__sandbox/events",
    control(() => jsonResponse(200, sandbox.events)),
  );
  app.get(
    "/__sandbox/checkout/sessions/:id",
    control((c) => {
      const session = sandbox.getCheckoutSession(pathParam(c, "id"));
      return session ? jsonResponse(200, session) : jsonResponse(404, { error: "no such checkout session" });
    }),
  );
  app.post(
    "/__sandbox/checkout/sessions/:id/:action",
    control(async (c, body, deliver) => {
      const id = pathParam(c, "id");
      const action = pathParam(c, "action");
      let events: StripeEvent[];
      if (action === "complete") {
        const paymentStatus = body.paymentStatus === "unpaid" ? "unpaid" : "paid";
        const amountTotal = typeof body.amountTotal === "number" ? body.amountTotal : undefined;
        const currency = typeof body.currency === "string" ? body.currency : undefined;
        events = await sandbox.completeCheckout(id, { paymentStatus, amountTotal, currency, deliver });
      } else if (action === "expire") {
        events = await sandbox.expireCheckout(id, { deliver });
      } else if (action === "async-payment") {
        events = await sandbox.settleAsyncPayment(id, body.outcome === "failed" ? "failed" : "succeeded", { deliver });
      } else {
        throw new HttpError(404, `unknown action ${action}`);
      }
      return jsonResponse(200, { events });
    }),
  );
  app.post(
    "/__sandbox/events",
    control(async (_c, body, deliver) => {
      if (typeof body.type !== "string" || typeof body.object !== "object" || body.object === null) {
        throw new HttpError(400, "expected {type: string, object: {...}, deliver?: boolean}");
      }
      const event = sandbox.buildEvent(body.type, body.object as Record<string, unknown>);
      const status = deliver === false ? null : await sandbox.deliver(event);
      return jsonResponse(200, { event, status });
    }),
  );
  app.post(
    "/__sandbox/events/:id/deliver",
    control(async (c) => {
      // Redelivery of an existing event (same id): what Stripe does on retries and duplicates.
      const id = pathParam(c, "id");
      const event = sandbox.events.find((e) => e.id === id);
      if (!event) throw new HttpError(404, "no such event");
      return jsonResponse(200, { status: await sandbox.deliver(event) });
    }),
  );
  app.post(
    "/__sandbox/events/:id/mark-delivered",
    control((c) => {
      const id = pathParam(c, "id");
      if (!sandbox.events.some((e) => e.id === id)) throw new HttpError(404, "no such event");
      sandbox.markDelivered(id);
      return jsonResponse(200, { marked: true });
    }),
  );
  app.post(
    "/__sandbox/deliveries/fail-next",
    control((_c, body) => {
      const count = body.count;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
        throw new HttpError(400, "expected {count: non-negative integer}");
      }
      sandbox.failNextDeliveries(count);
      return jsonResponse(200, { failing: count });
    }),
  );
  app.post(
    "/__sandbox/refunds",
    control(async (_c, body, deliver) => {
      const amount = body.amount;
      if (typeof body.paymentIntent !== "string" || (amount !== undefined && typeof amount !== "number")) {
        throw new HttpError(400, "expected {paymentIntent: string, amount?: number, deliver?: boolean}");
      }
      return jsonResponse(200, await sandbox.refundInDashboard(body.paymentIntent, { amount, deliver }));
    }),
  );
  const unknownRoute = control((c) => {
    throw new HttpError(404, `unknown sandbox route ${c.req.method} ${requestUrl(c).pathname}`);
  });
  app.all("/__sandbox/*", (c, next) => (isUnder(c, "/__sandbox") ? unknownRoute(c) : next()));
}
