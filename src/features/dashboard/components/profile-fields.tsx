"use client";

import { Controller, useFormContext } from "react-hook-form";
import type { ProfileFormValues } from "@/core/validation/builder-profile";
import { TextAreaField, TextField } from "@/components/form-fields";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { errorText } from "@/lib/form-errors";

/** The public-profile fields, shared by "Become a builder" and the profile editor (inside their FormProvider). */
export function ProfileFields() {
  const { register, control, formState } = useFormContext<ProfileFormValues>();
  const { errors } = formState;
  return (
    <>
      <TextField label="Display name" required error={errors.displayName?.message} {...register("displayName")} />
      <TextField
        label="Headline"
        required
        error={errors.headline?.message}
        placeholder="e.g. Senior React engineer"
        {...register("headline")}
      />
      <TextAreaField label="Bio" rows={5} error={errors.bio?.message} {...register("bio")} />
      {/* A refused tag is reported at "tags.3": the line speaks for the whole list. */}
      <TextField label="Tags" error={errorText(errors.tags)} hint="Comma-separated, e.g. react, typescript" {...register("tags")} />
      <Controller
        control={control}
        name="timeZone"
        render={({ field, fieldState }) => (
          <TimeZoneSelect value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
    </>
  );
}
