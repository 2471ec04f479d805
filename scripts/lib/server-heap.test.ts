import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./server-heap";

describe("serverNodeOptions", () => {
  it("caps the heap when nothing is set", () => {
    expect(serverNodeOptions(undefined)).toBe("--max-old-space-size=256");
    expect(serverNodeOptions("  ")).toBe("--max-old-space-size=256");
  });

  it("keeps the operator's other options and adds the cap", () => {
    expect(serverNodeOptions("--enable-source-maps")).toBe("--enable-source-maps --max-old-space-size=256");
  });

  it("leaves an operator's own cap alone", () => {
    expect(serverNodeOptions("--max-old-space-size=1024 --enable-source-maps")).toBe("--max-old-space-size=1024 --enable-source-maps");
    expect(serverNodeOptions("--max-old-space-size 512")).toBe("--max-old-space-size 512");
  });
});
