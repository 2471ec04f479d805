import pg from "pg";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { serializeError } from "./logger";

describe("logged errors", () => {
  it("keep a pg error's message and code but never its client (connection details, socket state)", () => {
    const client = new pg.Client({ connectionString: "postgresql://app:s3cret-password@127.0.0.1:5432/db" });
    const error = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", client });
    // What pino's own serializer would write: the whole client.
    expect(JSON.stringify(pino.stdSerializers.err(error))).toContain("connectionParameters");

    const logged = serializeError(error);
    expect(logged).toMatchObject({ message: "terminating connection due to administrator command", code: "57P01" });
    expect(logged).not.toHaveProperty("client");
    expect(JSON.stringify(logged)).not.toMatch(/connectionParameters|s3cret-password/);
  });
});
