"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { signInHref } from "@/lib/safe-next";
import { ErrorNotice, Loading } from "@/components/status";
import { AvailabilityEditor } from "./availability-editor";
import { BecomeBuilderForm } from "./become-builder-form";
import { BuilderBookings } from "./builder-bookings";
import { ProfileEditor } from "./profile-editor";
import { SessionTypesPanel } from "./session-types-panel";

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="card dashboard-panel" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function BuilderDashboard() {
  const trpc = useTRPC();
  const me = useQuery(trpc.viewer.me.queryOptions());

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  const viewer = me.data;
  if (!viewer) {
    return (
      <section className="card empty-state">
        <p>Sign in to manage your builder profile.</p>
        <Link className="button" href={signInHref("/dashboard")}>
          Sign in
        </Link>
      </section>
    );
  }
  if (viewer.role !== "BUILDER" && viewer.builderSlug === null) return <BecomeBuilderForm viewer={viewer} />;

  return (
    <div className="dashboard">
      <nav aria-label="Dashboard sections" className="dashboard-nav">
        <a href="#bookings">Bookings</a>
        <a href="#profile">Profile</a>
        <a href="#session-types">Session types</a>
        <a href="#availability">Availability</a>
      </nav>
      <Panel id="bookings" title="Bookings">
        <BuilderBookings />
      </Panel>
      <Panel id="profile" title="Profile">
        <ProfileEditor />
      </Panel>
      <Panel id="session-types" title="Session types">
        <SessionTypesPanel />
      </Panel>
      <Panel id="availability" title="Availability">
        <AvailabilityEditor />
      </Panel>
    </div>
  );
}
