// Stripe's idempotency layer, as documented: a key is scoped to the API key;
// the first result is saved and replayed (header `Idempotent-Replayed: true`);
// reusing the key on another endpoint or with other parameters is a 400
// `idempotency_error`. Real Stripe keeps keys >= 24 h; the sandbox keeps them
// for its lifetime.
import { canonicalJson } from "./form-encoding";
import { StripeApiError } from "./stripe-errors";

type Saved = { endpoint: string; params: string; status: number; body: unknown };

export type IdempotencyDecision =
  { kind: "execute"; save: (status: number, body: unknown) => void } | { kind: "replay"; status: number; body: unknown };

const MAX_KEY_LENGTH = 255;

export class IdempotencyStore {
  private readonly saved = new Map<string, Saved>();

  check(apiKey: string, idempotencyKey: string, endpoint: string, params: unknown): IdempotencyDecision {
    if (idempotencyKey.length > MAX_KEY_LENGTH) {
      throw new StripeApiError(
        400,
        "invalid_request_error",
        `Invalid idempotency key: keys must be at most ${MAX_KEY_LENGTH} characters long.`,
      );
    }
    const mapKey = `${apiKey}\u0000${idempotencyKey}`;
    const paramsText = canonicalJson(params);
    const prior = this.saved.get(mapKey);
    if (prior === undefined) {
      return {
        kind: "execute",
        // A copy: the replay is the first response as sent, not the object's later state.
        save: (status, body) => {
          this.saved.set(mapKey, { endpoint, params: paramsText, status, body: structuredClone(body) });
        },
      };
    }
    if (prior.endpoint !== endpoint) {
      throw new StripeApiError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${prior.endpoint}' vs '${endpoint}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      );
    }
    if (prior.params !== paramsText) {
      throw new StripeApiError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      );
    }
    return { kind: "replay", status: prior.status, body: prior.body };
  }
}
