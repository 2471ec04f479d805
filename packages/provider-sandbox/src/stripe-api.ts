// The `/v1/...` REST surface of the Stripe sandbox: authentication, idempotency
// and the endpoints a booking flow calls. Responses carry Stripe's headers
// (`Request-Id`, `Stripe-Version`, `Idempotency-Key`, `Idempotent-Replayed`) so
// stripe-node's `lastResponse` looks as it does against api.stripe.com.
import Stripe from "stripe";
import { FormDecodeError, decodeStripeForm } from "./form-encoding";
import type { FormObject } from "./form-encoding";
import { afterSent, bearerToken, isUnder, jsonResponse, pathParam, readBody, requestHeaders, requestUrl } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";
import { randomId } from "./ids";
import { StripeApiError, noSuch } from "./stripe-errors";
import { IdempotencyStore } from "./stripe-idempotency";
import type { StripeEvent } from "./stripe-objects";
import type { StripeState } from "./stripe-state";
import { booleanParam, equals, eventTypes, listPage, matchesEventType, stringParam } from "./stripe-lists";

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
function apiKeyOf(c: SandboxContext): string | undefined {
  const bearer = bearerToken(c);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(c.env.incoming.headers.authorization ?? "")?.[1];
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

/** What every `/v1` request carries into its endpoint, decoded and authenticated. */
type ApiRequest = {
  method: string;
  path: string;
  params: FormObject;
  apiKey: string;
  idempotencyKey: string | undefined;
  requestId: string;
  baseHeaders: Record<string, string>;
};

type Endpoint = (req: ApiRequest, c: SandboxContext) => Result;

function errorResponse(err: StripeApiError, req: Pick<ApiRequest, "requestId" | "baseHeaders">): Response {
  // stripe-node retries 409/5xx only; this tells it a 4xx is final, as Stripe does.
  return jsonResponse(err.status, err.toBody(`https://dashboard.stripe.com/test/logs/${req.requestId}`), {
    ...req.baseHeaders,
    "Stripe-Should-Retry": "false",
  });
}

/**
 * Mounts `/v1/...` on the sandbox app. Every request is recorded (even unauthenticated
 * ones), then authenticated, then run under Stripe's idempotency rules.
 */
export function mountStripeApi(app: SandboxApp, ctx: ApiContext): void {
  const idempotency = new IdempotencyStore();

  /** Reads, records and authenticates a request; a Response when it ends here. */
  async function accept(c: SandboxContext): Promise<ApiRequest | Response> {
    const method = c.req.method;
    const url = requestUrl(c);
    const rawBody = await readBody(c);
    const headers = requestHeaders(c);
    const idempotencyKey = headers["idempotency-key"];
    const requestId = randomId("req_", 14);
    const baseHeaders: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": headers["stripe-version"] ?? Stripe.API_VERSION,
    };
    if (idempotencyKey !== undefined) baseHeaders["Idempotency-Key"] = idempotencyKey;

    let params: FormObject = {};
    let decodeError: StripeApiError | undefined;
    try {
      params = decodeStripeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : rawBody);
    } catch (err) {
      if (!(err instanceof FormDecodeError)) throw err;
      decodeError = new StripeApiError(400, "invalid_request_error", err.message, { param: err.param });
    }
    ctx.requests.push({ method, path: url.pathname, headers, idempotencyKey, body: params, rawBody, at: new Date() });

    const apiKey = apiKeyOf(c);
    if (apiKey === undefined) {
      return errorResponse(
        new StripeApiError(
          401,
          "invalid_request_error",
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
        { requestId, baseHeaders },
      );
    }
    if (!/^(sk|rk)_test_\S+$/.test(apiKey)) {
      const shown = apiKey.length > 8 ? `${apiKey.slice(0, 8)}${"*".repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}` : apiKey;
      return errorResponse(new StripeApiError(401, "invalid_request_error", `Invalid API Key provided: ${shown}`), {
        requestId,
        baseHeaders,
      });
    }
    if (decodeError) return errorResponse(decodeError, { requestId, baseHeaders });
    return { method, path: url.pathname, params, apiKey, idempotencyKey, requestId, baseHeaders };
  }

  /** Runs an endpoint once per idempotency key (replaying its first answer) and answers. */
  function run(c: SandboxContext, req: ApiRequest, endpoint: Endpoint): Response {
    try {
      const decision =
        req.method === "POST" && req.idempotencyKey !== undefined
          ? idempotency.check(req.apiKey, req.idempotencyKey, `${req.method} ${req.path}`, req.params)
          : undefined;
      if (decision?.kind === "replay") {
        return jsonResponse(decision.status, decision.body, { ...req.baseHeaders, "Idempotent-Replayed": "true" });
      }
      let result: Result;
      try {
        result = endpoint(req, c);
      } catch (err) {
        if (err instanceof StripeApiError && err.replayable) {
          decision?.save(err.status, err.toBody(`https://dashboard.stripe.com/test/logs/${req.requestId}`));
        }
        throw err;
      }
      decision?.save(result.status, result.body);
      const events = result.events ?? [];
      if (events.length > 0 && ctx.autoDeliver()) afterSent(c, () => ctx.afterResponse(events));
      return jsonResponse(result.status, result.body, req.baseHeaders);
    } catch (err) {
      if (err instanceof StripeApiError) return errorResponse(err, req);
      throw err;
    }
  }

  const endpoint =
    (fn: Endpoint) =>
    async (c: SandboxContext): Promise<Response> => {
      const req = await accept(c);
      return req instanceof Response ? req : run(c, req, fn);
    };

  const { state } = ctx;
  const get = <T>(map: Map<string, T>, name: string, param: string, id: string, params: FormObject): Result => {
    const found = map.get(id);
    if (found === undefined) throw noSuch(name, id, param);
    return { status: 200, body: expand(found, params.expand, state) };
  };

  app.post(
    "/v1/checkout/sessions",
    endpoint(({ params }) => ({ status: 200, body: state.createCheckoutSession(params, ctx.publicBaseUrl()).session })),
  );
  app.get(
    "/v1/checkout/sessions/:id",
    endpoint(({ params }, c) => {
      const id = pathParam(c, "id");
      const record = state.sessions.get(id);
      if (!record) throw noSuch("checkout.session", id, "session");
      return { status: 200, body: expand(record.session, params.expand, state) };
    }),
  );
  app.post(
    "/v1/checkout/sessions/:id/expire",
    endpoint((_req, c) => {
      const record = state.record(pathParam(c, "id"));
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
    }),
  );
  app.post(
    "/v1/refunds",
    endpoint(({ params, requestId, idempotencyKey }) => {
      const { refund, events } = state.createRefund(params, { id: requestId, idempotency_key: idempotencyKey ?? null });
      return { status: 200, body: refund, events };
    }),
  );
  app.get(
    "/v1/refunds/:id",
    endpoint(({ params }, c) => get(state.refunds, "refund", "refund", pathParam(c, "id"), params)),
  );
  app.get(
    "/v1/payment_intents/:id",
    endpoint(({ params }, c) => get(state.paymentIntents, "payment_intent", "intent", pathParam(c, "id"), params)),
  );
  app.get(
    "/v1/charges/:id",
    endpoint(({ params }, c) => get(state.charges, "charge", "charge", pathParam(c, "id"), params)),
  );
  app.get(
    "/v1/events/:id",
    endpoint((_req, c) => {
      const id = pathParam(c, "id");
      const event = state.events.find((e) => e.id === id);
      if (!event) throw noSuch("event", id, "id");
      return { status: 200, body: event };
    }),
  );
  // Lists: `expand[]=data.<field>` expands that field on every item, as Stripe does.
  const expandEach = (params: FormObject) => {
    const wanted = Array.isArray(params.expand) ? params.expand : typeof params.expand === "string" ? [params.expand] : [];
    const fields = wanted.flatMap((f) => (typeof f === "string" && f.startsWith("data.") ? [f.slice("data.".length)] : []));
    return (item: unknown) => expand(item, fields, state);
  };
  app.get(
    "/v1/checkout/sessions",
    endpoint(({ params }) => {
      const page = listPage(
        [...state.sessions.values()].map((r) => r.session),
        params,
        {
          objectName: "checkout.session",
          url: "/v1/checkout/sessions",
          filters: {
            status: equals((s) => s.status, "status"),
            payment_intent: equals((s) => s.payment_intent, "payment_intent"),
          },
        },
      );
      return { status: 200, body: { ...page, data: page.data.map(expandEach(params)) } };
    }),
  );
  app.get(
    "/v1/payment_intents",
    endpoint(({ params }) => {
      const page = listPage([...state.paymentIntents.values()], params, {
        objectName: "payment_intent",
        url: "/v1/payment_intents",
        filters: {},
      });
      return { status: 200, body: { ...page, data: page.data.map(expandEach(params)) } };
    }),
  );
  app.get(
    "/v1/refunds",
    endpoint(({ params }) => ({
      status: 200,
      body: listPage([...state.refunds.values()], params, {
        objectName: "refund",
        url: "/v1/refunds",
        filters: {
          payment_intent: equals((r) => r.payment_intent, "payment_intent"),
          charge: equals((r) => r.charge, "charge"),
        },
      }),
    })),
  );
  app.get(
    "/v1/events",
    endpoint(({ params }) => {
      if (params.type !== undefined && params.types !== undefined) {
        throw new StripeApiError(400, "invalid_request_error", "You may only specify one of these parameters: type, types.");
      }
      return {
        status: 200,
        body: listPage(state.events, params, {
          objectName: "event",
          url: "/v1/events",
          filters: {
            type: (value) => {
              const pattern = stringParam(value, "type");
              return (e) => matchesEventType(e.type, pattern);
            },
            types: (value) => {
              const patterns = eventTypes(value);
              return (e) => patterns.some((t) => matchesEventType(e.type, t));
            },
            // Stripe: false lists events still pending or failed at some endpoint; pending_webhooks
            // counts the endpoints that have not yet answered 2xx.
            delivery_success: (value) => {
              const delivered = booleanParam(value, "delivery_success");
              return (e) => delivered === (e.pending_webhooks === 0);
            },
          },
        }),
      };
    }),
  );
  const unknownEndpoint = endpoint(({ method, path }) => {
    throw new StripeApiError(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
  });
  app.all("/v1/*", (c, next) => (isUnder(c, "/v1") ? unknownEndpoint(c) : next()));
}
