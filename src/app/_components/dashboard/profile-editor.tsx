"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { getErrorMessage, getFieldErrors } from "../../_lib/errors";
import { parseTags } from "../../_lib/text";
import { TextAreaField, TextField } from "../form-fields";
import { ErrorNotice, Loading } from "../status";
import { TimeZoneSelect } from "../time-zone-select";

type Profile = RouterOutputs["builder"]["mine"];

export function ProfileEditor() {
  const trpc = useTRPC();
  const query = useQuery(trpc.builder.mine.queryOptions());
  if (query.isPending) return <Loading label="Loading profile…" />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <ProfileForm key={query.data.id} profile={query.data} />;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    displayName: profile.displayName,
    headline: profile.headline,
    bio: profile.bio,
    tags: profile.tags.join(", "),
    timeZone: profile.timeZone,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.builder.updateProfile.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.builder.pathFilter());
      },
    }),
  );
  const fieldErrors = getFieldErrors(update.error);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    update.mutate(
      { ...values, displayName: values.displayName.trim(), headline: values.headline.trim(), tags: parseTags(values.tags) },
      { onSuccess: () => setSaved("Profile saved.") },
    );
  }

  function togglePublished() {
    setSaved(null);
    update.mutate(
      { published: !profile.published },
      { onSuccess: () => setSaved(profile.published ? "Profile unpublished." : "Profile published.") },
    );
  }

  return (
    <div className="stack">
      <div className="publish-row">
        <p>
          Status:{" "}
          <strong data-testid="profile-published">{profile.published ? "Published" : "Not published (hidden from the marketplace)"}</strong>
        </p>
        <button type="button" className="button button-secondary" onClick={togglePublished} disabled={update.isPending}>
          {profile.published ? "Unpublish profile" : "Publish profile"}
        </button>
        <Link href={`/builders/${encodeURIComponent(profile.slug)}`}>View public profile</Link>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Display name"
          name="displayName"
          required
          value={values.displayName}
          onChange={set("displayName")}
          error={fieldErrors.displayName}
        />
        <TextField
          label="Headline"
          name="headline"
          required
          value={values.headline}
          onChange={set("headline")}
          error={fieldErrors.headline}
        />
        <TextAreaField label="Bio" name="bio" rows={5} value={values.bio} onChange={set("bio")} error={fieldErrors.bio} />
        <TextField label="Tags" name="tags" value={values.tags} onChange={set("tags")} error={fieldErrors.tags} hint="Comma-separated" />
        <TimeZoneSelect
          value={values.timeZone}
          onChange={(timeZone) => setValues((v) => ({ ...v, timeZone }))}
          error={fieldErrors.timeZone}
        />
        <div aria-live="polite">
          {update.isError ? (
            <p className="notice notice-error" role="alert">
              {getErrorMessage(update.error)}
            </p>
          ) : saved ? (
            <p className="notice notice-success">{saved}</p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </button>
      </form>
    </div>
  );
}
