import { describe, expect, it } from "vitest";
import { safeNextPath, signInHref } from "./safe-next";

// Where a browser on https://app.example.com would land when the app navigates to `path`.
const landing = (path: string) => new URL(path, "https://app.example.com/sign-in?next=x");

describe("safeNextPath: post-auth redirect targets", () => {
  it.each([
    ["tab inside a protocol-relative path (the reported bypass)", "/\t/evil.example/steal"],
    ["tab first", "\t//evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["CR LF", "/\r\n/evil.example/steal"],
    ["slash backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["protocol-relative", "//evil.example/steal"],
    ["three slashes", "///evil.example"],
    ["dot segment collapsing into //", "/.//evil.example"],
    ["dot-dot segment collapsing into //", "/..//evil.example"],
    ["javascript: URL", "javascript:alert(document.cookie)"],
    ["javascript: URL with leading space and tab", " java\tscript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["absolute https URL to another host", "https://evil.example/steal"],
    ["absolute http URL to another host", "http://evil.example"],
    ["credentials trick", "https://app.example.com@evil.example/"],
    ["scheme-relative with backslashes", "https:\\\\evil.example"],
  ])("sends %s to /", (_label, value) => {
    expect(safeNextPath(value)).toBe("/");
  });

  it.each([
    ["%2F%2F (percent-encoded //) stays a path", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["%5C (percent-encoded backslash) stays a path", "/%5Cevil.example", "/%5Cevil.example"],
    ["%09 (percent-encoded tab) stays a path", "/%09/evil.example", "/%09/evil.example"],
    ["%2F%2F without a leading slash resolves under /", "%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%s", (_label, value, expected) => {
    const path = safeNextPath(value);
    expect(path).toBe(expected);
    expect(landing(path).origin).toBe("https://app.example.com");
  });

  it.each([
    ["/dashboard", "/dashboard"],
    ["/bookings/abc123?token=t0k3n", "/bookings/abc123?token=t0k3n"],
    ["/builders/ada-lovelace/book/st_1?week=2026-03-02#pick", "/builders/ada-lovelace/book/st_1?week=2026-03-02#pick"],
    ["/?q=rust&tag=ai", "/?q=rust&tag=ai"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it("returns the resolved path, not the raw value, so what was checked is what is navigated to", () => {
    // Tab and newline removed, dot segments resolved, spaces percent-encoded.
    expect(safeNextPath("/dash\tboard")).toBe("/dashboard");
    expect(safeNextPath("/a/../bookings")).toBe("/bookings");
    expect(safeNextPath("/bookings/a b")).toBe("/bookings/a%20b");
    // A relative value resolves under the root, as it would from /sign-in.
    expect(safeNextPath("dashboard")).toBe("/dashboard");
  });

  it("treats missing, empty, repeated and unparsable values safely", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath(["/bookings", "//evil.example"])).toBe("/bookings");
    expect(safeNextPath(["//evil.example", "/bookings"])).toBe("/");
    expect(safeNextPath("http://[::1")).toBe("/");
  });

  it("never returns anything a browser would take off-origin", () => {
    const hostile = ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/.//evil.example", "javascript:x"];
    for (const value of hostile) expect(landing(safeNextPath(value)).origin).toBe("https://app.example.com");
  });
});

describe("signInHref", () => {
  it("carries the return path encoded", () => {
    expect(signInHref("/bookings/b1?token=a&b=c")).toBe("/sign-in?next=%2Fbookings%2Fb1%3Ftoken%3Da%26b%3Dc");
  });
});
