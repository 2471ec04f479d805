import { z } from "zod";
import { freeText, singleLineText, timeZone } from "./fields";
import { publicSessionType } from "./session-type";

// A builder's public profile as the API takes it (builder.updateProfile, and with a slug
// builder.becomeBuilder) and as the dashboard edits it: tags typed as "react, typescript".

const MAX_TAGS = 15;

export const tags = z.array(singleLineText({ min: 1, max: 30, label: "Each tag" })).max(MAX_TAGS, `Use at most ${MAX_TAGS} tags`);

/** "react, Next.js ,  ,ai" -> ["react", "Next.js", "ai"]: trimmed, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()))].filter(Boolean);
}

export const profileInput = z.strictObject({
  displayName: singleLineText({ min: 2, max: 80, label: "Display name" }),
  headline: singleLineText({ min: 2, max: 140, label: "Headline" }),
  bio: freeText({ max: 4000, label: "Bio" }),
  tags,
  timeZone,
});
export type ProfileInput = z.output<typeof profileInput>;

export const profileUpdateInput = profileInput.partial().extend({ published: z.boolean({ error: "Choose published or not" }).optional() });

/** The profile form: tags as one comma-separated line, checked by the API's own rule. */
export const profileForm = profileInput.extend({ tags: z.string().transform(parseTags).pipe(tags) });
export type ProfileFormValues = z.input<typeof profileForm>;

export const ownProfile = z.object({
  id: z.string(),
  slug: z.string(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  tags: z.array(z.string()),
  timeZone: z.string(),
  published: z.boolean(),
});

/** Plain strings: rows written before the input rules tightened must still render. */
// viaCalendly: its times come from the builder's Calendly (the profile and booking step say so).
export const publicBuilder = ownProfile
  .omit({ published: true })
  .extend({ sessionTypes: z.array(publicSessionType.extend({ viaCalendly: z.boolean().optional() })) });
