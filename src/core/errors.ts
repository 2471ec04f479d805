// Every failure a caller can cause is an AppError with a stable code.
// Adapters (tRPC, webhook routes) map the code to a transport status; nothing else
// should decide status codes, so a bad input can never surface as a 500.

export const appErrorCodes = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_UNAVAILABLE: 409,
  INVALID_STATE: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  /** A provider (Stripe, Calendly) could not be reached; nothing was lost, try again. */
  PROVIDER_UNAVAILABLE: 503,
  /** The shared rate limiter (Redis) cannot be reached: writes are refused, not let through. */
  RATE_LIMIT_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get httpStatus(): number {
    return appErrorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You are not allowed to do that") => new AppError("FORBIDDEN", message);
