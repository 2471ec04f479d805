"use client";

import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { profileForm, type ProfileFormValues, type ProfileInput } from "@/core/validation/builder-profile";
import { ErrorNotice, Loading } from "@/components/status";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
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
  const form = useForm<ProfileFormValues, unknown, ProfileInput>({
    resolver: zodResolver(profileForm),
    defaultValues: {
      displayName: profile.displayName,
      headline: profile.headline,
      bio: profile.bio,
      tags: profile.tags.join(", "),
      timeZone: profile.timeZone,
    },
  });
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation(
    trpc.builder.updateProfile.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.builder.pathFilter());
      },
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setSaved(null);
    update.mutate(values, { onSuccess: () => setSaved("Profile saved."), onError: (error) => showServerErrors(form.setError, error) });
  });

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
        <Link href="/dashboard/profile/preview">Preview your profile</Link>
        {/* Unpublished, the public address is a 404 for everyone, its owner included. */}
        {profile.published ? <Link href={`/builders/${encodeURIComponent(profile.slug)}`}>View public profile</Link> : null}
      </div>
      <FormProvider {...form}>
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <ProfileFields />
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
      </FormProvider>
    </div>
  );
}
