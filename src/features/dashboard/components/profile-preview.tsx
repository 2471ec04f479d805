"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { BuilderPublic, OwnSessionType, RouterOutputs } from "@/trpc/types";
import { ErrorNotice, Loading } from "@/components/status";
import { BuilderProfile } from "@/features/builders/components/builder-profile";

/** What the public profile would hold: live session types only, in the public profile's order. */
function asPublic(profile: RouterOutputs["builder"]["mine"], types: OwnSessionType[]): BuilderPublic {
  const { published: _published, ...fields } = profile;
  const sessionTypes = types
    .filter((t) => t.active)
    .sort((a, b) => a.priceCents - b.priceCents || a.title.localeCompare(b.title))
    .map(({ active: _active, calendlyEventTypeUri, ...t }) => ({ ...t, viaCalendly: calendlyEventTypeUri !== null }));
  return { ...fields, sessionTypes };
}

/** The builder's own profile rendered by the public profile's component, published or not. */
export function ProfilePreview() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.builder.mine.queryOptions());
  const types = useQuery(trpc.sessionType.mine.queryOptions());
  if (profile.isError || types.isError) {
    const failed = profile.isError ? profile : types;
    return <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!profile.data || !types.data) return <Loading label="Loading preview…" />;

  return (
    <div className="stack">
      <div className="notice" role="status">
        <p>
          <strong>Preview.</strong>{" "}
          {profile.data.published
            ? "Your profile is published: this is what clients see."
            : "Your profile is not published: only you can see this. Clients will see it like this once you publish it."}
        </p>
        <p>
          <Link href="/dashboard/profile">Back to your profile</Link>
        </p>
      </div>
      <div className="card profile-preview">
        <BuilderProfile builder={asPublic(profile.data, types.data)} />
      </div>
    </div>
  );
}
