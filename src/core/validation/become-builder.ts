import type { z } from "zod";
import { slug, slugify } from "./fields";
import { profileForm, profileInput, type ProfileFormValues } from "./builder-profile";

// Becoming a builder (builder.becomeBuilder): the profile plus the slug of the public page.

export const becomeBuilderInput = profileInput.extend({ slug });
export type BecomeBuilderInput = z.output<typeof becomeBuilderInput>;

export const becomeBuilderForm = profileForm.extend({ slug });
export type BecomeBuilderFormValues = z.input<typeof becomeBuilderForm>;

/** A first draft from the account: the name as display name and slug, the viewer's zone. */
export function becomeBuilderFormValues(name: string, timeZone: string): BecomeBuilderFormValues {
  const profile: ProfileFormValues = { displayName: name, headline: "", bio: "", tags: "", timeZone };
  return { ...profile, slug: slugify(name) };
}
