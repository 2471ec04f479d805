"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { Viewer } from "@/trpc/types";
import { getErrorMessage, getFieldErrors } from "../../_lib/errors";
import { parseTags, slugify, SLUG_PATTERN, validateTags } from "../../_lib/text";
import { detectTimeZone } from "../../_lib/time";
import { TextField } from "../form-fields";
import { ProfileFields } from "./profile-fields";

type Values = { slug: string; displayName: string; headline: string; bio: string; tags: string; timeZone: string };

export function BecomeBuilderForm({ viewer }: { viewer: NonNullable<Viewer> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    slug: slugify(viewer.name),
    displayName: viewer.name,
    headline: "",
    bio: "",
    tags: "",
    timeZone: detectTimeZone(),
  }));
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const become = useMutation(
    trpc.builder.becomeBuilder.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const serverErrors = getFieldErrors(become.error);
  const err = (key: keyof Values) => localErrors[key] ?? serverErrors[key];
  const set = (key: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: typeof localErrors = {};
    if (values.slug.length < 2 || !SLUG_PATTERN.test(values.slug))
      errors.slug = "Use at least 2 lowercase letters, numbers and single hyphens.";
    if (values.displayName.trim().length < 2) errors.displayName = "Enter a display name of at least 2 characters.";
    if (values.headline.trim().length < 2) errors.headline = "Enter a short headline (at least 2 characters).";
    const tagError = validateTags(parseTags(values.tags));
    if (tagError) errors.tags = tagError;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    become.mutate({
      slug: values.slug,
      displayName: values.displayName.trim(),
      headline: values.headline.trim(),
      bio: values.bio.trim(),
      tags: parseTags(values.tags),
      timeZone: values.timeZone,
    });
  }

  return (
    <section className="card" aria-labelledby="become-heading">
      <h2 id="become-heading">Become a builder</h2>
      <p className="muted">Create a public profile so clients can book sessions with you.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Profile URL slug"
          name="slug"
          required
          value={values.slug}
          onChange={set("slug")}
          error={err("slug")}
          hint={`Your page: /builders/${values.slug || "your-name"}`}
        />
        <ProfileFields
          values={values}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
          errors={{
            displayName: err("displayName"),
            headline: err("headline"),
            bio: err("bio"),
            tags: err("tags"),
            timeZone: err("timeZone"),
          }}
        />
        <div aria-live="assertive">
          {become.isError ? (
            <p className="notice notice-error" role="alert">
              {getErrorMessage(become.error)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={become.isPending}>
          {become.isPending ? "Creating profile…" : "Become a builder"}
        </button>
      </form>
    </section>
  );
}
