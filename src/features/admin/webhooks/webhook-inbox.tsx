"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import { REPLAY_FAILED_LIMIT, type ListWebhooksInput } from "@/core/validation/admin-webhooks";
import { ActionWithReason } from "@/features/admin/components/action-with-reason";
import { FilterSelect, optionsOf } from "@/features/admin/components/filter-select";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../components/format-when";
import { WEBHOOK_STATUS_LABEL } from "./webhook-status";

const PROVIDER_OPTIONS = [
  { value: "STRIPE", label: "Stripe" },
  { value: "CALENDLY", label: "Calendly" },
];

type Filter = Omit<ListWebhooksInput, "page"> & { page: number };

function hrefFor(filter: Filter): string {
  const query = new URLSearchParams();
  if (filter.provider) query.set("provider", filter.provider);
  if (filter.status) query.set("status", filter.status);
  if (filter.type) query.set("type", filter.type);
  if (filter.page > 1) query.set("page", String(filter.page));
  const qs = query.toString();
  return qs ? `/admin/webhooks?${qs}` : "/admin/webhooks";
}

/** The inbox: filters in the address (shareable, linked from the overview), one page at a time. */
export function WebhookInbox({ filter }: { filter: Filter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const list = useQuery(trpc.admin.webhooks.list.queryOptions(filter, { refetchInterval: 5_000 }));
  const [replayed, setReplayed] = useState<string | null>(null);
  const replayFailed = useMutation(
    trpc.admin.webhooks.replayFailed.mutationOptions({
      onSuccess: async (r) => {
        setReplayed(
          `Replayed ${r.replayed} failed event${r.replayed === 1 ? "" : "s"}: ${r.processed} processed, ${r.ignored} ignored, ${r.failed} failed again. ${r.remaining} still failed.`,
        );
        await queryClient.invalidateQueries(trpc.admin.pathFilter());
      },
    }),
  );
  const go = (change: Partial<Filter>) => router.push(hrefFor({ ...filter, page: 1, ...change }));

  return (
    <section aria-label="Webhook inbox">
      <form className="admin-filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label="Provider"
          options={PROVIDER_OPTIONS}
          value={filter.provider ?? ""}
          onChange={(e) => go({ provider: (e.target.value || undefined) as Filter["provider"] })}
        />
        <FilterSelect
          label="Status"
          options={Object.entries(WEBHOOK_STATUS_LABEL).map(([value, label]) => ({ value, label }))}
          value={filter.status ?? ""}
          onChange={(e) => go({ status: (e.target.value || undefined) as Filter["status"] })}
        />
        <FilterSelect
          label="Type"
          options={optionsOf([...new Set([...(list.data?.types ?? []), ...(filter.type ? [filter.type] : [])])], (type) => type)}
          value={filter.type ?? ""}
          onChange={(e) => go({ type: e.target.value || undefined })}
        />
      </form>

      <div className="admin-toolbar">
        <ActionWithReason
          label="Replay all failed"
          question="Replay every failed event?"
          consequence={`Up to ${REPLAY_FAILED_LIMIT} per click, oldest first, each processed as it would have been and audited.`}
          confirmLabel="Yes, replay them"
          onConfirm={(reason) => replayFailed.mutateAsync({ reason })}
        />
        <p aria-live="polite" className="muted small">
          {replayed}
        </p>
      </div>

      {list.isPending ? (
        <Loading label="Loading events…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} title="Could not load the inbox" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">No events match these filters.</p>
      ) : (
        <>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Webhook events, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Booking</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((event) => (
                  <tr key={event.id} data-status={event.status}>
                    <td>
                      <Link href={`/admin/webhooks/${event.id}`}>{formatWhen(event.receivedAt)}</Link>
                    </td>
                    <td>{event.provider === "STRIPE" ? "Stripe" : "Calendly"}</td>
                    <td>
                      <code>{event.type}</code>
                    </td>
                    <td>
                      <span className={`admin-status admin-status-${event.status.toLowerCase()}`}>
                        {WEBHOOK_STATUS_LABEL[event.status]}
                      </span>
                      {event.lastError ? <span className="muted small admin-error-line">{event.lastError}</span> : null}
                    </td>
                    <td>{event.attempts}</td>
                    <td>
                      {event.bookingId ? <Link href={`/admin/bookings/${event.bookingId}`}>{event.bookingId.slice(0, 8)}…</Link> : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="admin-pager" aria-label="Pages">
            <p className="muted small">
              Page {list.data.page} of {Math.max(1, Math.ceil(list.data.total / list.data.pageSize))} ({list.data.total} events)
            </p>
            {filter.page > 1 ? (
              <Link className="button button-secondary" href={hrefFor({ ...filter, page: filter.page - 1 })}>
                Newer
              </Link>
            ) : null}
            {filter.page * list.data.pageSize < list.data.total ? (
              <Link className="button button-secondary" href={hrefFor({ ...filter, page: filter.page + 1 })}>
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}
