import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { signUpForm } from "./auth";
import { availabilityInput } from "./availability";
import { becomeBuilderInput } from "./become-builder";
import { bookingInput, cancelBookingInput, guestDetailsForm, slotListInput } from "./booking";
import { profileInput, profileUpdateInput } from "./builder-profile";
import { builderListInput } from "./builder-search";
import { sessionTypeForm, sessionTypeInput, sessionTypeUpdateInput } from "./session-type";

const firstMessage = (schema: ZodType, value: unknown, field: string) =>
  schema.safeParse(value).error?.issues.find((i) => i.path.join(".") === field)?.message;

/** What zod says by itself; none of it may reach a person. */
const RAW_ZOD = /Too small|Too big|Invalid input|Invalid option|Invalid string|Invalid number|Unrecognized key|expected .+, received/;

const sessionType = { title: "Pairing", slug: "pairing", description: "", durationMinutes: 30, priceCents: 0, currency: "usd" };
const profile = { displayName: "Ada Lovelace", headline: "Engines", bio: "", tags: ["math"], timeZone: "Europe/London" };

describe("the shared schemas word their rules for people", () => {
  it.each([
    ["title", "Title must be at least 2 characters", sessionTypeInput, { ...sessionType, title: "a" }],
    ["durationMinutes", "Duration must be between 5 and 720 minutes", sessionTypeInput, { ...sessionType, durationMinutes: 1 }],
    ["durationMinutes", "Duration must be a whole number", sessionTypeInput, { ...sessionType, durationMinutes: 30.5 }],
    ["priceCents", "Price must be between 0 (free) and 10,000", sessionTypeInput, { ...sessionType, priceCents: 2_000_000 }],
    ["currency", "Choose a currency", sessionTypeInput, { ...sessionType, currency: "jpy" }],
    ["slug", "Use lowercase letters, digits and single hyphens", sessionTypeInput, { ...sessionType, slug: "Not A Slug" }],
    ["displayName", "Display name must be at least 2 characters", profileInput, { ...profile, displayName: " A " }],
    ["tags.0", "Each tag must be at most 30 characters", profileInput, { ...profile, tags: ["x".repeat(31)] }],
    ["timeZone", "Unknown IANA time zone", profileInput, { ...profile, timeZone: "Mars/Olympus" }],
    ["clientName", "Enter your name", guestDetailsForm, { clientName: "  ", clientEmail: "a@example.test" }],
    ["clientEmail", "Enter a valid email address", guestDetailsForm, { clientName: "Ann", clientEmail: "no-at-sign" }],
    ["password", "Use at least 8 characters", signUpForm, { name: "Ann", email: "a@example.test", password: "short" }],
    ["minPriceCents", "The minimum price must not exceed the maximum", builderListInput, { minPriceCents: 500, maxPriceCents: 100 }],
  ])("%s: %s", (field, message, schema: ZodType, value) => {
    expect(firstMessage(schema, value, field)).toBe(message);
  });

  it("word what a hand-made request gets wrong in plain words too", () => {
    expect(firstMessage(sessionTypeInput, { ...sessionType, extra: 1 }, "")).toBe("Unknown field: extra");
    expect(firstMessage(sessionTypeInput, { ...sessionType, title: 42 }, "title")).toBe("Title must be text");
    expect(firstMessage(sessionTypeInput, { ...sessionType, durationMinutes: "30" }, "durationMinutes")).toBe("Duration must be a number");
    expect(firstMessage(bookingInput, { sessionTypeId: "x", startTime: "tomorrow" }, "startTime")).toBe("Use a valid date and time");
    expect(firstMessage(profileUpdateInput, { published: "yes" }, "published")).toBe("Choose published or not");
    expect(firstMessage(sessionTypeInput, { ...sessionType, title: undefined }, "title")).toBe("Title must be text");
  });

  it("never answer with zod's own wording, whatever arrives", () => {
    const inputs: Array<[ZodType, unknown]> = [
      sessionTypeInput,
      sessionTypeUpdateInput,
      profileInput,
      profileUpdateInput,
      becomeBuilderInput,
      availabilityInput,
      bookingInput,
      cancelBookingInput,
      slotListInput,
      builderListInput,
    ].flatMap((schema): Array<[ZodType, unknown]> =>
      [null, 42, "text", [], {}, { unexpected: true, rules: "all", tags: [1], id: 5, startTime: 3, limit: -1, kind: "OPEN" }].map(
        (value) => [schema, value],
      ),
    );
    for (const [schema, value] of inputs) {
      for (const issue of schema.safeParse(value).error?.issues ?? []) expect(issue.message).not.toMatch(RAW_ZOD);
    }
  });
});

describe("a form and the API read the same", () => {
  it("give a too-short title the same message, whether typed in the form or sent to the API", () => {
    const form = firstMessage(sessionTypeForm, { ...sessionType, title: "a", priceCents: "0" }, "title");
    expect(form).toBe("Title must be at least 2 characters");
    expect(firstMessage(sessionTypeInput, { ...sessionType, title: "a" }, "title")).toBe(form);
  });

  it("turn a typed price into the API's cents, and refuse one out of range with the API's words", () => {
    expect(sessionTypeForm.parse({ ...sessionType, priceCents: " 12.50 " })).toEqual({ ...sessionType, priceCents: 1250 });
    expect(firstMessage(sessionTypeForm, { ...sessionType, priceCents: "12.555" }, "priceCents")).toBe("Enter a price like 12.50");
    expect(firstMessage(sessionTypeForm, { ...sessionType, priceCents: "" }, "priceCents")).toBe("Enter a price (0 for free)");
    expect(firstMessage(sessionTypeForm, { ...sessionType, priceCents: "20000" }, "priceCents")).toBe(
      firstMessage(sessionTypeInput, { ...sessionType, priceCents: 2_000_000 }, "priceCents"),
    );
  });
});
