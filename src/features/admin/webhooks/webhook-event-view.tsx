"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import { ActionWithReason } from "@/features/admin/components/action-with-reason";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../components/format-when";
import { WEBHOOK_STATUS_LABEL } from "./webhook-status";

const OUTCOME_TEXT = { processed: "Processed", ignored: "Ignored (nothing to apply)", failed: "Failed again" } as const;

/** One inbox event: what arrived (personal data masked), where it stands, and what an operator may do. */
export function WebhookEventView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const event = useQuery(trpc.admin.webhooks.get.queryOptions({ id }));
  const [result, setResult] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.admin.pathFilter());
  const onDone = async (r: { outcome: keyof typeof OUTCOME_TEXT; error: string | null }) => {
    setResult(`${OUTCOME_TEXT[r.outcome]}${r.error ? `: ${r.error}` : ""}`);
    await refresh();
  };
  const applyHeld = useMutation(trpc.admin.webhooks.applyHeld.mutationOptions({ onSuccess: onDone }));
  const replay = useMutation(trpc.admin.webhooks.replay.mutationOptions({ onSuccess: onDone }));
  const dismiss = useMutation(
    trpc.admin.webhooks.dismiss.mutationOptions({
      onSuccess: async () => {
        setResult("Dismissed");
        await refresh();
      },
    }),
  );

  if (event.isPending) return <Loading label="Loading the event…" />;
  if (event.isError) return <ErrorNotice error={event.error} title="Could not load the event" onRetry={() => void event.refetch()} />;
  const e = event.data;
  const held = e.status === "HELD";
  const replayable = e.status === "FAILED" || e.status === "IGNORED" || e.status === "DISMISSED";

  return (
    <article className="admin-event">
      <dl className="admin-facts">
        <dt>Status</dt>
        <dd>
          <span className={`admin-status admin-status-${e.status.toLowerCase()}`} data-testid="webhook-status">
            {WEBHOOK_STATUS_LABEL[e.status]}
          </span>
        </dd>
        <dt>Provider</dt>
        <dd>{e.provider === "STRIPE" ? "Stripe" : "Calendly"}</dd>
        <dt>Type</dt>
        <dd>
          <code>{e.type}</code>
        </dd>
        <dt>Provider’s id</dt>
        <dd>
          <code>{e.externalId}</code>
        </dd>
        <dt>Received</dt>
        <dd>{formatWhen(e.receivedAt)}</dd>
        <dt>Processed</dt>
        <dd>{e.processedAt ? formatWhen(e.processedAt) : "—"}</dd>
        <dt>Attempts</dt>
        <dd>{e.attempts}</dd>
        {e.lastError ? (
          <>
            <dt>Last error</dt>
            <dd className="admin-error-line">{e.lastError}</dd>
          </>
        ) : null}
        <dt>Booking</dt>
        <dd>{e.bookingId ? <Link href={`/admin/bookings/${e.bookingId}`}>{e.bookingId}</Link> : "Not linked (yet)"}</dd>
      </dl>

      <div className="admin-toolbar" aria-label="Actions">
        {held ? (
          <>
            <ActionWithReason
              label="Apply"
              question="Apply this held event?"
              consequence="It is processed exactly as automatic processing would have: the booking changes and its emails or refunds go out."
              confirmLabel="Yes, apply it"
              onConfirm={(reason) => applyHeld.mutateAsync({ id, reason })}
            />
            <ActionWithReason
              label="Dismiss"
              question="Dismiss this held event?"
              consequence="Nothing is applied and the booking stays as it is. It can still be replayed later."
              confirmLabel="Yes, dismiss it"
              danger
              onConfirm={(reason) => dismiss.mutateAsync({ id, reason })}
            />
          </>
        ) : null}
        {replayable ? (
          <ActionWithReason
            label="Replay"
            question="Process this event again?"
            consequence="It goes through the same processing as a new delivery; processing is safe to repeat."
            confirmLabel="Yes, replay it"
            onConfirm={(reason) => replay.mutateAsync({ id, reason })}
          />
        ) : null}
        {e.status === "FAILED" ? (
          <ActionWithReason
            label="Dismiss"
            question="Dismiss this failed event?"
            consequence="It will not be retried or applied; the booking stays as it is."
            confirmLabel="Yes, dismiss it"
            danger
            onConfirm={(reason) => dismiss.mutateAsync({ id, reason })}
          />
        ) : null}
        <p role="status" className="muted small">
          {result}
        </p>
      </div>

      <h2>Payload</h2>
      <p className="muted small">Names, emails, phone numbers, addresses and free-text answers are masked.</p>
      <pre className="admin-payload" tabIndex={0} aria-label="Payload, personal data masked">
        {e.payload}
      </pre>

      <h2>Operator actions</h2>
      {e.actions.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ol className="admin-actions">
          {e.actions.map((a) => (
            <li key={a.id}>
              {formatWhen(a.createdAt)}: <code>{a.action}</code> by {a.actor.name} — “{a.reason}”
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
