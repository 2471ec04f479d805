import { describe, expect, it } from "vitest";
import { getErrorMessage, getFieldErrors } from "./errors";
import { errorText, showServerErrors } from "./form-errors";

/** A refusal as the tRPC client hands it over: the formatter's summary plus one issue per field. */
const refused = {
  message: "Invalid input: title: Title must be at least 2 characters; rules.3: Overlaps another time range on this day",
  data: {
    appCode: "VALIDATION",
    zodIssues: [
      { path: ["title"], message: "Title must be at least 2 characters" },
      { path: ["rules", "3"], message: "Overlaps another time range on this day" },
    ],
  },
};

describe("API refusals in forms", () => {
  it("read as the first field's own sentence, not the summary meant for API clients", () => {
    expect(getErrorMessage(refused)).toBe("Title must be at least 2 characters");
    expect(getErrorMessage({ message: "Only builders can do that", data: { appCode: "FORBIDDEN", zodIssues: null } })).toBe(
      "Only builders can do that",
    );
    expect(getErrorMessage(null)).toBe("Something went wrong. Please try again.");
  });

  it("land on the form field or row each one names", () => {
    const set: Array<[string, { type?: string; message?: string }]> = [];
    showServerErrors((name, error) => set.push([name, { type: error.type, message: error.message }]), refused);
    expect(set).toEqual([
      ["title", { type: "server", message: "Title must be at least 2 characters" }],
      ["rules.3", { type: "server", message: "Overlaps another time range on this day" }],
    ]);
    expect(getFieldErrors(refused)).toEqual({
      title: "Title must be at least 2 characters",
      "rules.3": "Overlaps another time range on this day",
    });
  });

  it("let one line speak for a field whose parts were refused", () => {
    const tags = [
      undefined,
      undefined,
      { message: "Each tag must be at most 30 characters", type: "too_big", ref: { message: "not this" } },
    ];
    expect(errorText(tags)).toBe("Each tag must be at most 30 characters");
    expect(
      errorText({ type: "custom", message: "End time must be after start time", startMinute: { message: "Enter a start time" } }),
    ).toBe("End time must be after start time");
    expect(errorText({ startMinute: { message: "Enter a start time" } })).toBe("Enter a start time");
    expect(errorText(undefined)).toBeUndefined();
  });
});
