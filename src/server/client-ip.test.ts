import { describe, expect, it } from "vitest";
import { clientIpFrom, normalizeIp, UNKNOWN_CLIENT } from "./client-ip";

const direct = { trustedProxyHops: 0, onVercel: false };
const oneProxy = { trustedProxyHops: 1, onVercel: false };
const twoProxies = { trustedProxyHops: 2, onVercel: false };
const vercel = { trustedProxyHops: 0, onVercel: true };

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIpFrom with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  it("ignores X-Forwarded-For and X-Real-IP entirely: every client shares one bucket", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.7" }), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.1" }), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-real-ip": "198.51.100.2" }), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({}), direct)).toBe(UNKNOWN_CLIENT);
  });

  it("does not believe Vercel's headers off Vercel", () => {
    expect(clientIpFrom(h({ "x-vercel-forwarded-for": "203.0.113.7" }), direct)).toBe(UNKNOWN_CLIENT);
  });
});

describe("clientIpFrom behind N proxies", () => {
  it("takes the entry our one proxy appended, ignoring whatever the client put to its left", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "9.9.9.9,8.8.8.8 ,  203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
  });

  it("gives spoofed leftmost entries no fresh budget: same real client, same key", () => {
    const keys = ["1.1.1.1", "2.2.2.2, 3.3.3.3", "not-an-ip"].map((spoof) =>
      clientIpFrom(h({ "x-forwarded-for": `${spoof}, 203.0.113.7` }), oneProxy),
    );
    expect(new Set(keys)).toEqual(new Set(["203.0.113.7"]));
  });

  it("counts hops from the right (CDN -> load balancer -> app)", () => {
    // client 203.0.113.7 -> CDN appends it -> LB appends the CDN's address 10.0.0.5
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.5" }), twoProxies)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.7, 10.0.0.5" }), twoProxies)).toBe("203.0.113.7");
  });

  it("falls back to the shared bucket when the header is missing, too short or not an address", () => {
    expect(clientIpFrom(h({}), oneProxy)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-forwarded-for": "" }), oneProxy)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-forwarded-for": " , " }), oneProxy)).toBe(UNKNOWN_CLIENT);
    // Only one entry with two proxies configured: it did not pass through both; none is ours.
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.7" }), twoProxies)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4, unknown" }), oneProxy)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4, 999.1.1.1" }), oneProxy)).toBe(UNKNOWN_CLIENT);
  });

  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIpFrom(h({ "x-real-ip": "203.0.113.7" }), oneProxy)).toBe(UNKNOWN_CLIENT);
  });

  it("handles IPv6 (ports, brackets, zones, IPv4-mapped) and buckets it by /64", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "1.1.1.1, 2001:db8:abcd:12:1:2:3:4" }), oneProxy)).toBe("2001:db8:abcd:12::/64");
    // Another address of the same /64 (an attacker rotating within their own prefix) shares it.
    expect(clientIpFrom(h({ "x-forwarded-for": "2001:DB8:ABCD:12::ffff:9" }), oneProxy)).toBe("2001:db8:abcd:12::/64");
    expect(clientIpFrom(h({ "x-forwarded-for": "[2001:db8::1]:443" }), oneProxy)).toBe("2001:db8:0:0::/64");
    expect(clientIpFrom(h({ "x-forwarded-for": "::ffff:203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "::1" }), oneProxy)).toBe("0:0:0:0::/64");
  });
});

describe("clientIpFrom on Vercel", () => {
  it("uses the platform's x-vercel-forwarded-for, then x-real-ip, never the client's X-Forwarded-For", () => {
    expect(clientIpFrom(h({ "x-vercel-forwarded-for": "203.0.113.7", "x-forwarded-for": "1.1.1.1" }), vercel)).toBe("203.0.113.7");
    expect(clientIpFrom(h({ "x-real-ip": "203.0.113.8", "x-forwarded-for": "1.1.1.1" }), vercel)).toBe("203.0.113.8");
    expect(clientIpFrom(h({ "x-forwarded-for": "1.1.1.1" }), vercel)).toBe(UNKNOWN_CLIENT);
  });
});

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    ["::ffff:c000:0221", "192.0.2.33"],
  ])("%s -> %s", (entry, expected) => {
    expect(normalizeIp(entry)).toBe(expected);
  });

  it.each(["", "unknown", "1.2.3", "1.2.3.4.5", "2001:db8::1::2", "[1.2.3.4", "<script>"])("refuses %j", (entry) => {
    expect(normalizeIp(entry)).toBeNull();
  });
});
