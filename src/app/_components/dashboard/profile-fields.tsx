import { TextAreaField, TextField } from "../form-fields";
import { TimeZoneSelect } from "../time-zone-select";

export type ProfileFieldValues = { displayName: string; headline: string; bio: string; tags: string; timeZone: string };
type FieldErrors = Partial<Record<keyof ProfileFieldValues, string | undefined>>;

/** The public-profile fields, shared by "Become a builder" and the profile editor. */
export function ProfileFields({
  values,
  onChange,
  errors,
}: {
  values: ProfileFieldValues;
  onChange: (key: keyof ProfileFieldValues, value: string) => void;
  errors: FieldErrors;
}) {
  const set = (key: keyof ProfileFieldValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onChange(key, e.target.value);
  return (
    <>
      <TextField
        label="Display name"
        name="displayName"
        required
        value={values.displayName}
        onChange={set("displayName")}
        error={errors.displayName}
      />
      <TextField
        label="Headline"
        name="headline"
        required
        value={values.headline}
        onChange={set("headline")}
        error={errors.headline}
        placeholder="e.g. Senior React engineer"
      />
      <TextAreaField label="Bio" name="bio" rows={5} value={values.bio} onChange={set("bio")} error={errors.bio} />
      <TextField
        label="Tags"
        name="tags"
        value={values.tags}
        onChange={set("tags")}
        error={errors.tags}
        hint="Comma-separated, e.g. react, typescript"
      />
      <TimeZoneSelect value={values.timeZone} onChange={(timeZone) => onChange("timeZone", timeZone)} error={errors.timeZone} />
    </>
  );
}
