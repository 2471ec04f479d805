"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorNotice, Loading } from "@/components/status";
import type { LeverNameInput } from "@/core/validation/levers";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../components/format-when";
import { LEVER_COPY } from "../levers/lever-copy";

function Count({ n, label, href }: { n: number; label: string; href: string }) {
  return (
    <li className={`card admin-count${n > 0 ? " admin-count-attention" : ""}`}>
      <Link href={href}>
        <span className="admin-count-n">{n}</span> {label}
      </Link>
    </li>
  );
}

/** The console's first page: what is switched, what needs an operator, the last reconciliation. */
export function ConsoleOverview() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.admin.overview.queryOptions(undefined, { refetchInterval: 10_000 }));
  const levers = useQuery(trpc.admin.levers.queryOptions());

  if (overview.isPending || levers.isPending) return <Loading label="Loading the overview…" />;
  if (overview.isError)
    return <ErrorNotice error={overview.error} title="Could not load the overview" onRetry={() => void overview.refetch()} />;
  if (levers.isError) return <ErrorNotice error={levers.error} title="Could not load the levers" onRetry={() => void levers.refetch()} />;
  const o = overview.data;
  const run = o.lastReconciliation;

  return (
    <>
      <section aria-labelledby="overview-attention">
        <h2 id="overview-attention">Needs an operator</h2>
        <ul className="admin-counts">
          <Count n={o.heldWebhooks} label="held webhook events (manual mode)" href="/admin/webhooks?status=HELD" />
          <Count n={o.failedWebhooks} label="failed webhook events" href="/admin/webhooks?status=FAILED" />
          <Count n={o.failedOutbox} label="failed outbox messages" href="/admin/outbox" />
          <Count n={o.needsAttention} label="bookings flagged for attention" href="/admin/bookings" />
        </ul>
        {o.waitingWebhooks > 0 ? (
          <p className="muted small">
            <Link href="/admin/webhooks?status=RECEIVED">{o.waitingWebhooks} events received and waiting</Link> (processing is paused, or
            they are on their way).
          </p>
        ) : null}
      </section>

      <section aria-labelledby="overview-levers">
        <h2 id="overview-levers">Levers</h2>
        <ul className="admin-lever-states">
          {levers.data.map((l) => (
            <li key={l.name}>
              <span className={`admin-state ${l.value ? "admin-state-on" : "admin-state-off"}`}>{l.value ? "On" : "Off"}</span>{" "}
              {LEVER_COPY[l.name as LeverNameInput].title}
            </li>
          ))}
        </ul>
        <p>
          <Link href="/admin/levers">Change a lever</Link>
        </p>
      </section>

      <section aria-labelledby="overview-reconciliation">
        <h2 id="overview-reconciliation">Reconciliation with Stripe</h2>
        {run ? (
          <p>
            Last run {formatWhen(run.startedAt)}
            {run.finishedAt ? "" : " (still running)"}: {run.checked} checked, {run.mismatches} mismatches, {run.missedEvents} missed events
            fed to the inbox.
            {run.error ? <span className="admin-error-line"> Failed: {run.error}</span> : null}
          </p>
        ) : (
          <p className="muted">No reconciliation run yet.</p>
        )}
      </section>

      <section aria-labelledby="overview-sections">
        <h2 id="overview-sections">Sections</h2>
        <ul>
          <li>
            <Link href="/admin/bookings">Bookings</Link>: search, timelines and manual actions
          </li>
          <li>
            <Link href="/admin/webhooks">Webhooks</Link>: the inbox, replay, held events
          </li>
          <li>
            <Link href="/admin/outbox">Outbox</Link>: emails, refunds and Calendly calls owed
          </li>
          <li>
            <Link href="/admin/metrics">Metrics</Link>: conversion, payments, popularity
          </li>
          <li>
            <Link href="/admin/levers">Levers</Link>: pause, close, manual mode
          </li>
          <li>
            <Link href="/admin/audit">Audit log</Link>: every operator action
          </li>
        </ul>
      </section>
    </>
  );
}
