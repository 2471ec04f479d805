"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/trpc/client";
import { signInHref } from "@/lib/safe-next";
import { ErrorNotice, Loading } from "@/components/status";
import { BecomeBuilderForm } from "./become-builder-form";
import { DashboardNav } from "./dashboard-nav";

/**
 * What every dashboard page shares: the way in for someone signed out or not yet a builder,
 * and for a builder the section navigation above the page.
 */
export function DashboardShell({ children }: { children: ReactNode }) {
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
      <DashboardNav />
      {children}
    </div>
  );
}

/** One section of a dashboard page: a region named by its heading. */
export function DashboardPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card dashboard-panel" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
