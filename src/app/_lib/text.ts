/** "My Great Builder!" → "my-great-builder" */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "react, Next.js ,  ,ai" → ["react", "Next.js", "ai"] (deduplicated, trimmed). */
export function parseTags(value: string): string[] {
  const seen = new Set<string>();
  for (const raw of value.split(",")) {
    const tag = raw.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export const MAX_TAGS = 15;
export const MAX_TAG_LENGTH = 30;

/** Client-side mirror of the server's tag limits; returns a message or null. */
export function validateTags(tags: string[]): string | null {
  if (tags.length > MAX_TAGS) return `Use at most ${MAX_TAGS} tags.`;
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) return `Each tag must be at most ${MAX_TAG_LENGTH} characters.`;
  return null;
}
