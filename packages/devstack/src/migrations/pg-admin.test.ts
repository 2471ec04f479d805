import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessAlive, throwawayName, withDatabase } from "./pg-admin";

describe("withDatabase", () => {
  it("keeps server, credentials and parameters, and swaps the database (escaped)", () => {
    const url = withDatabase("postgresql://u:p%40ss@db.example.com:6543/main?sslmode=require", "test db");
    expect(url).toBe("postgresql://u:p%40ss@db.example.com:6543/test%20db?sslmode=require");
  });
});

describe("throwawayName", () => {
  it("carries the prefix and this process's pid, and differs per call", () => {
    const name = throwawayName("booking_test_");
    expect(name).toMatch(new RegExp(`^booking_test_${process.pid}_[0-9a-f]{12}$`));
    expect(throwawayName("booking_test_")).not.toBe(name);
  });
});

describe("isProcessAlive", () => {
  it("is true for a running process and false once it has exited", async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(isProcessAlive(child.pid!)).toBe(false);
  });
});
