import { isIP } from "node:net";

// Who is asking, for per-client budgets (rate limits). X-Forwarded-For is a list each proxy
// appends its peer's address to, so only the entries our own proxies added can be believed:
// everything to their left was written by the client. `next start` does not append: it fills
// the header from the socket only when the request has none, so without a proxy of ours the
// whole header is the client's choice. See docs/decisions/0009-client-ip-and-csp.md.

export type ClientIpOptions = {
  /** How many proxies of ours append to X-Forwarded-For in front of the app (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
  /** On Vercel (VERCEL=1) the platform overwrites x-vercel-forwarded-for / x-real-ip itself. */
  onVercel: boolean;
};

/**
 * The one bucket for every client whose address cannot be known for sure. Sharing a budget is
 * the safe failure: a per-request value an attacker picks would give them a fresh budget each time.
 */
export const UNKNOWN_CLIENT = "unknown";

/** The client's address (IPv6 reduced to its /64, which one subscriber holds), or UNKNOWN_CLIENT. */
export function clientIpFrom(headers: Headers, { trustedProxyHops, onVercel }: ClientIpOptions): string {
  if (onVercel) {
    const platform = headers.get("x-vercel-forwarded-for") ?? headers.get("x-real-ip");
    return normalizeIp(forwardedEntries(platform).at(-1)) ?? UNKNOWN_CLIENT;
  }
  if (trustedProxyHops <= 0) return UNKNOWN_CLIENT;
  const entries = forwardedEntries(headers.get("x-forwarded-for"));
  // Fewer entries than proxies: the request did not come through all of them, so none is ours.
  if (entries.length < trustedProxyHops) return UNKNOWN_CLIENT;
  return normalizeIp(entries[entries.length - trustedProxyHops]) ?? UNKNOWN_CLIENT;
}

function forwardedEntries(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A canonical form of one forwarded entry ("1.2.3.4:5678" and "[2001:db8::1]:443" included), or null. */
export function normalizeIp(entry: string | undefined): string | null {
  if (!entry) return null;
  let ip = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  ip = ip.replace(/%.*$/, ""); // zone index (fe80::1%eth0)
  if (isIP(ip) === 4) return ip;
  if (isIP(ip) !== 6) return null;
  const groups = expandIpv6(ip.toLowerCase());
  // IPv4-mapped (::ffff:1.2.3.4): the same client as 1.2.3.4.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** Eight 16-bit groups of a valid IPv6 address (with "::" and a trailing dotted quad expanded). */
function expandIpv6(ip: string): number[] {
  let text = ip;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
