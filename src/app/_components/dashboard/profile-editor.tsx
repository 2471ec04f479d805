"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { getErrorMessage, getFieldErrors } from "../../_lib/errors";
import { parseTags } from "../../_lib/text";
import { ErrorNotice, Loading } from "../status";
import { ProfileFields } from "./profile-fields";

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
        <ProfileFields values={values} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} errors={fieldErrors} />
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
