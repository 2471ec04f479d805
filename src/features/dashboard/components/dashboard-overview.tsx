"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** At a glance: whether clients can find and book the builder, and what to do if not. */
export function DashboardOverview() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.builder.mine.queryOptions());
  const types = useQuery(trpc.sessionType.mine.queryOptions());
  if (!profile.data || !types.data) return null;
  const active = types.data.filter((t) => t.active).length;
  const listed = profile.data.published && active > 0;

  return (
    <section className="card" aria-labelledby="overview-heading">
      <h2 id="overview-heading">At a glance</h2>
      <ul className="overview-list">
        <li>
          Profile: <strong>{profile.data.published ? "published" : "not published"}</strong> ·{" "}
          <Link href="/dashboard/profile/preview">Preview your profile</Link>
        </li>
        <li>
          Session types: <strong>{active} active</strong> · <Link href="/dashboard/session-types">Manage session types</Link>
        </li>
        <li>
          {listed
            ? "Clients can find you in the marketplace and book you."
            : profile.data.published
              ? "Not listed in the marketplace yet: add a session type so clients can book you."
              : "Not listed in the marketplace: publish your profile when it is ready."}
        </li>
      </ul>
    </section>
  );
}
