import pino from "pino";

// Structured logs. Redaction is a backstop: code must not log payloads, tokens or card data.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  redact: {
    paths: ["*.password", "*.token", "*.manageToken", "*.authorization", "*.apiKey", "payload", "*.payload", "headers.cookie"],
    censor: "[redacted]",
  },
  base: { service: "booking-marketplace" },
});
