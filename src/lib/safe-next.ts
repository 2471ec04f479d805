// Any origin of our own serves as the resolution base: only "is it this origin?" matters, and
// the path we return is relative, so the real host never needs to be known (server or browser).
const BASE = "http://app.invalid";

/**
 * The post-auth redirect target for a `next` query value: a same-origin path, else "/".
 *
 * The value is resolved the way the browser will resolve it (the URL parser strips tab, CR and
 * LF and reads `\` as `/`, so `/\t/evil.example` is `//evil.example`), and what is returned is
 * the resolved URL's own path, query and hash: exactly what was checked is what is navigated to.
 */
export function safeNextPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves (here) to the path "//evil.example", which a browser would
  // read as protocol-relative: only a path that resolves back to the same URL is kept.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, BASE).href !== url.href) return "/";
  return path;
}

export function signInHref(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}
