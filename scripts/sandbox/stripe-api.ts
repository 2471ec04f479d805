// The `/v1/...` REST surface of the Stripe sandbox: authentication, idempotency
// and the endpoints a booking flow calls. Responses carry Stripe's headers
// (`Request-Id`, `Stripe-Version`, `Idempotency-Key`, `Idempotent-Replayed`) so
// stripe-node's `lastResponse` looks as it does against api.stripe.com.
import Stripe from "stripe";
import type { IncomingMessage, ServerResponse } from "node:http";
import { FormDecodeError, decodeStripeForm } from "./form-encoding";
import type { FormObject } from "./form-encoding";
import { bearerToken, headerRecord, matchPath, readBody, sendJson } from "./http-util";
import { randomId } from "./ids";
import { StripeApiError, noSuch } from "./stripe-errors";
import { IdempotencyStore } from "./stripe-idempotency";
import type { StripeEvent } from "./stripe-objects";
import type { StripeState } from "./stripe-state";

export type RecordedStripeRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  idempotencyKey?: string;
  body: FormObject;
  rawBody: string;
  at: Date;
};

export type ApiContext = {
  state: StripeState;
  publicBaseUrl: () => string;
  requests: RecordedStripeRequest[];
  /** Hands events to the delivery queue after the response is sent (Stripe answers first, then notifies). */
  afterResponse: (events: StripeEvent[]) => void;
  /** Whether API-triggered events (refunds, expire) are delivered without the test asking. */
  autoDeliver: () => boolean;
};

type Result = { status: number; body: unknown; events?: StripeEvent[] };

/** Bearer (stripe-node) or Basic with the key as user name (Stripe's own curl examples: `-u sk_test_…:`). */
function apiKeyOf(req: IncomingMessage): string | undefined {
  const bearer = bearerToken(req);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const user = basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : undefined;
  return user || undefined;
}

function expand(object: unknown, fields: FormObject[string] | undefined, state: StripeState): unknown {
  const wanted = Array.isArray(fields) ? fields : typeof fields === "string" ? [fields] : [];
  if (typeof object !== "object" || object === null) return object;
  const out = { ...(object as Record<string, unknown>) };
  if (wanted.includes("payment_intent") && typeof out.payment_intent === "string") {
    out.payment_intent = state.paymentIntents.get(out.payment_intent) ?? out.payment_intent;
  }
  if (wanted.includes("latest_charge") && typeof out.latest_charge === "string") {
    out.latest_charge = state.charges.get(out.latest_charge) ?? out.latest_charge;
  }
  return out;
}

function route(ctx: ApiContext, method: string, path: string, params: FormObject, request: StripeEvent["request"]): Result {
  const { state } = ctx;
  const get = <T>(map: Map<string, T>, name: string, param: string, id: string): Result => {
    const found = map.get(id);
    if (found === undefined) throw noSuch(name, id, param);
    return { status: 200, body: expand(found, params.expand, state) };
  };
  let m: Record<string, string> | null;
  if (method === "POST" && path === "/v1/checkout/sessions") {
    return { status: 200, body: state.createCheckoutSession(params, ctx.publicBaseUrl()).session };
  }
  if (method === "GET" && (m = matchPath("/v1/checkout/sessions/:id", path))) {
    const record = state.sessions.get(m.id ?? "");
    if (!record) throw noSuch("checkout.session", m.id ?? "", "session");
    return { status: 200, body: expand(record.session, params.expand, state) };
  }
  if (method === "POST" && (m = matchPath("/v1/checkout/sessions/:id/expire", path))) {
    const record = state.record(m.id ?? "");
    if (record.session.status !== "open") {
      throw new StripeApiError(
        400,
        "invalid_request_error",
        `Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${record.session.status}".`,
        { replayable: true },
      );
    }
    const events = state.expireCheckout(record.session.id);
    return { status: 200, body: record.session, events };
  }
  if (method === "POST" && path === "/v1/refunds") {
    const { refund, events } = state.createRefund(params, request);
    return { status: 200, body: refund, events };
  }
  if (method === "GET" && (m = matchPath("/v1/refunds/:id", path))) return get(state.refunds, "refund", "refund", m.id ?? "");
  if (method === "GET" && (m = matchPath("/v1/payment_intents/:id", path))) {
    return get(state.paymentIntents, "payment_intent", "intent", m.id ?? "");
  }
  if (method === "GET" && (m = matchPath("/v1/charges/:id", path))) return get(state.charges, "charge", "charge", m.id ?? "");
  if (method === "GET" && (m = matchPath("/v1/events/:id", path))) {
    const event = state.events.find((e) => e.id === m?.id);
    if (!event) throw noSuch("event", m.id ?? "", "id");
    return { status: 200, body: event };
  }
  throw new StripeApiError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  );
}

export function createApiHandler(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const idempotency = new IdempotencyStore();
  return async (req, res, url) => {
    const method = req.method ?? "GET";
    const rawBody = await readBody(req);
    const headers = headerRecord(req.headers);
    const idempotencyKey = headers["idempotency-key"];
    const requestId = randomId("req_", 14);
    const baseHeaders: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": headers["stripe-version"] ?? Stripe.API_VERSION,
    };
    if (idempotencyKey !== undefined) baseHeaders["Idempotency-Key"] = idempotencyKey;
    const sendError = (err: StripeApiError): void => {
      // stripe-node retries 409/5xx only; this tells it a 4xx is final, as Stripe does.
      sendJson(res, err.status, err.toBody(`https://dashboard.stripe.com/test/logs/${requestId}`), {
        ...baseHeaders,
        "Stripe-Should-Retry": "false",
      });
    };

    let params: FormObject = {};
    let decodeError: StripeApiError | undefined;
    try {
      params = decodeStripeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : rawBody);
    } catch (err) {
      if (!(err instanceof FormDecodeError)) throw err;
      decodeError = new StripeApiError(400, "invalid_request_error", err.message, { param: err.param });
    }
    ctx.requests.push({ method, path: url.pathname, headers, idempotencyKey, body: params, rawBody, at: new Date() });

    const apiKey = apiKeyOf(req);
    if (apiKey === undefined) {
      return sendError(
        new StripeApiError(
          401,
          "invalid_request_error",
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
      );
    }
    if (!/^(sk|rk)_test_\S+$/.test(apiKey)) {
      const shown = apiKey.length > 8 ? `${apiKey.slice(0, 8)}${"*".repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}` : apiKey;
      return sendError(new StripeApiError(401, "invalid_request_error", `Invalid API Key provided: ${shown}`));
    }
    if (decodeError) return sendError(decodeError);

    try {
      const decision =
        method === "POST" && idempotencyKey !== undefined
          ? idempotency.check(apiKey, idempotencyKey, `${method} ${url.pathname}`, params)
          : undefined;
      if (decision?.kind === "replay") {
        return sendJson(res, decision.status, decision.body, { ...baseHeaders, "Idempotent-Replayed": "true" });
      }
      const request = { id: requestId, idempotency_key: idempotencyKey ?? null };
      let result: Result;
      try {
        result = route(ctx, method, url.pathname, params, request);
      } catch (err) {
        if (err instanceof StripeApiError && err.replayable) {
          decision?.save(err.status, err.toBody(`https://dashboard.stripe.com/test/logs/${requestId}`));
        }
        throw err;
      }
      decision?.save(result.status, result.body);
      sendJson(res, result.status, result.body, baseHeaders);
      if (result.events && result.events.length > 0 && ctx.autoDeliver()) ctx.afterResponse(result.events);
    } catch (err) {
      if (err instanceof StripeApiError) return sendError(err);
      throw err;
    }
  };
}
