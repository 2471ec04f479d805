import pino from "pino";

// Structured logs. Redaction is a backstop: code must not log payloads, tokens or card data.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  redact: {
    paths: ["*.password", "*.token", "*.manageToken", "*.authorization", "*.apiKey", "payload", "*.payload", "headers.cookie"],
    censor: "[redacted]",
  },
  serializers: { err: serializeError },
  base: { service: "booking-marketplace" },
});

/**
 * pino's error serializer copies every enumerable property, and a pg error carries its whole
 * client: host, user, database, socket and parser state, kilobytes per log line on every
 * dropped connection. The client is left out; message, code, stack and the rest stay.
 */
export function serializeError(error: Error): pino.SerializedError {
  const serialized = pino.stdSerializers.err(error);
  delete serialized.client;
  return serialized;
}
