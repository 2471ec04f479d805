"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ErrorNotice, Loading } from "@/components/status";
import { OUTBOX_KINDS, OUTBOX_STATUSES, type ListOutboxInput } from "@/core/validation/admin-bookings";
import { ActionWithReason } from "@/features/admin/components/action-with-reason";
import { FilterSelect, optionsOf } from "@/features/admin/components/filter-select";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../../components/format-when";
import { humanize } from "../../bookings/components/booking-labels";
import { Pager } from "../../bookings/components/pager";

export type OutboxFilter = Omit<ListOutboxInput, "page"> & { page: number };

function hrefFor(filter: OutboxFilter): string {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.page > 1) query.set("page", String(filter.page));
  const qs = query.toString();
  return qs ? `/admin/outbox?${qs}` : "/admin/outbox";
}

/** Outbox messages an operator may need to act on: retry a failed one, give up on one still owed. */
export function OutboxTable({ filter }: { filter: OutboxFilter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const list = useQuery(trpc.admin.outbox.list.queryOptions(filter, { refetchInterval: 5_000 }));
  const refresh = { onSuccess: () => queryClient.invalidateQueries(trpc.admin.pathFilter()) };
  const retry = useMutation(trpc.admin.outbox.retry.mutationOptions(refresh));
  const abandon = useMutation(trpc.admin.outbox.abandon.mutationOptions(refresh));
  const go = (change: Partial<OutboxFilter>) => router.push(hrefFor({ ...filter, page: 1, ...change }));

  return (
    <section aria-label="Outbox">
      <form className="admin-filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label="Status"
          allLabel="Needs an operator (pending, failed, abandoned)"
          options={optionsOf(OUTBOX_STATUSES, humanize)}
          value={filter.status ?? ""}
          onChange={(e) => go({ status: (e.target.value || undefined) as OutboxFilter["status"] })}
        />
        <FilterSelect
          label="Kind"
          options={optionsOf(OUTBOX_KINDS, humanize)}
          value={filter.kind ?? ""}
          onChange={(e) => go({ kind: (e.target.value || undefined) as OutboxFilter["kind"] })}
        />
      </form>

      {list.isPending ? (
        <Loading label="Loading the outbox…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} title="Could not load the outbox" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">No messages match these filters.</p>
      ) : (
        <>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Outbox messages, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Booking</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((m) => (
                  <tr key={m.id} data-outbox-id={m.id} data-status={m.status}>
                    <td>{formatWhen(m.createdAt)}</td>
                    <td>
                      <code>{m.kind}</code>
                    </td>
                    <td>
                      <span className={`admin-status admin-status-${m.status.toLowerCase()}`}>{humanize(m.status)}</span>
                    </td>
                    <td>{m.attempts}</td>
                    <td>
                      {m.lastStatusCode ? <strong>{m.lastStatusCode} </strong> : null}
                      {m.lastError ?? "—"}
                    </td>
                    <td>
                      {m.bookingId ? <Link href={`/admin/bookings/${m.bookingId}`}>{m.clientEmail ?? m.bookingId.slice(0, 8)}</Link> : "—"}
                    </td>
                    <td>
                      <div className="button-row">
                        {m.status === "FAILED" ? (
                          <ActionWithReason
                            label="Retry"
                            contextLabel={`${humanize(m.kind)} ${m.id}`}
                            question="Try this message again?"
                            consequence="It goes back to pending and the worker sends it within seconds."
                            confirmLabel="Yes, retry"
                            onConfirm={(reason) => retry.mutateAsync({ outboxId: m.id, reason })}
                          />
                        ) : null}
                        {m.status === "FAILED" || m.status === "PENDING" ? (
                          <ActionWithReason
                            label="Give up"
                            contextLabel={`${humanize(m.kind)} ${m.id}`}
                            question="Give up on this message?"
                            consequence="No worker will try it again."
                            confirmLabel="Yes, give up"
                            danger
                            onConfirm={(reason) => abandon.mutateAsync({ outboxId: m.id, reason })}
                          />
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager {...list.data} noun="messages" hrefFor={(page) => hrefFor({ ...filter, page })} />
        </>
      )}
    </section>
  );
}
