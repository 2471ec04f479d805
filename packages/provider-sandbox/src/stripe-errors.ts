// Stripe's error shape: `{ error: { type, message, param?, code? } }`.
// stripe-node picks its error class from the HTTP status and `type`
// (400/404 -> StripeInvalidRequestError or StripeIdempotencyError,
// 401 -> StripeAuthenticationError), so both must match the real API.

export type StripeErrorType = "invalid_request_error" | "idempotency_error" | "api_error";

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly extra: { param?: string; code?: string; replayable?: boolean } = {},
  ) {
    super(message);
  }

  /**
   * Stripe saves an idempotent result only once the endpoint began executing:
   * a parameter validation error is not replayed, a business failure (for
   * example "already refunded") is.
   */
  get replayable(): boolean {
    return this.extra.replayable === true;
  }

  toBody(requestLogUrl: string): { error: Record<string, string> } {
    const error: Record<string, string> = { type: this.type, message: this.message, request_log_url: requestLogUrl };
    if (this.extra.param !== undefined) error.param = this.extra.param;
    if (this.extra.code !== undefined) error.code = this.extra.code;
    return { error };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, { param, code });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
}

/** 404 when the URL names a missing object; 400 when a body param references one. */
export function noSuch(objectName: string, id: string, param: string, status = 404): StripeApiError {
  return new StripeApiError(status, "invalid_request_error", `No such ${objectName}: '${id}'`, {
    param,
    code: "resource_missing",
  });
}
