import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAuthorizedCron } from "./authorize-cron";
import { cronJobs } from "./cron-jobs";

describe("scheduled jobs", () => {
  it("vercel.json schedules every job in cronJobs, and nothing else", () => {
    const vercel = JSON.parse(readFileSync(new URL("../../../vercel.json", import.meta.url), "utf8")) as {
      crons: { path: string; schedule: string }[];
    };
    const expected = Object.entries(cronJobs).map(([name, job]) => ({ path: `/api/cron/${name}`, schedule: job.schedule }));
    expect(vercel.crons).toEqual(expected);
  });

  it("accepts only the Bearer scheme with the exact secret", () => {
    const secret = "a-cron-secret-of-some-length";
    expect(isAuthorizedCron(`Bearer ${secret}`, secret)).toBe(true);
    expect(isAuthorizedCron(`bearer ${secret}`, secret)).toBe(true);
    for (const header of [null, "", "Bearer", "Bearer ", `Basic ${secret}`, secret, `Bearer ${secret}x`, `Bearer ${secret.slice(1)}`]) {
      expect(isAuthorizedCron(header, secret), String(header)).toBe(false);
    }
  });
});
