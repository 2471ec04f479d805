"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import type { ListAuditInput } from "@/core/validation/admin-bookings";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../../components/format-when";
import { Pager } from "../../bookings/components/pager";

export type AuditFilter = Omit<ListAuditInput, "page"> & { page: number };
const FIELDS = ["action", "targetType", "targetId", "actor"] as const;

function hrefFor(filter: AuditFilter): string {
  const query = new URLSearchParams();
  for (const key of FIELDS) if (filter[key]) query.set(key, filter[key]);
  if (filter.page > 1) query.set("page", String(filter.page));
  const qs = query.toString();
  return qs ? `/admin/audit?${qs}` : "/admin/audit";
}

function targetLink(type: string, id: string) {
  if (type === "Booking") return <Link href={`/admin/bookings/${id}`}>Booking {id.slice(0, 8)}…</Link>;
  if (type === "WebhookEvent") return <Link href={`/admin/webhooks/${id}`}>Webhook event {id.slice(0, 8)}…</Link>;
  return `${type} ${id}`;
}

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value));

/** Every operator action, newest first: who, what, on what, why, and the state before and after. */
export function AuditTable({ filter }: { filter: AuditFilter }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const list = useQuery(trpc.admin.audit.list.queryOptions(filter));
  const labels = { action: "Action", targetType: "Target type", targetId: "Target id", actor: "Actor (name or email)" } as const;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: AuditFilter = { page: 1 };
    for (const key of FIELDS) {
      const value = form.get(key);
      if (typeof value === "string" && value.trim()) next[key] = value.trim();
    }
    router.push(hrefFor(next));
  };

  return (
    <section aria-label="Audit log">
      <form className="admin-filters" onSubmit={onSubmit} role="search" aria-label="Filter the audit log">
        {FIELDS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{labels[key]}</label>
            <input id={`${id}-${key}`} name={key} defaultValue={filter[key] ?? ""} maxLength={254} />
          </div>
        ))}
        <div className="button-row">
          <button type="submit" className="button">
            Filter
          </button>
          <Link href="/admin/audit" className="button button-secondary">
            Clear
          </Link>
        </div>
      </form>

      {list.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} title="Could not load the audit log" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">No actions match these filters.</p>
      ) : (
        <>
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="audit-table">
              <caption className="visually-hidden">Operator actions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Before → after</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{formatWhen(a.createdAt)}</td>
                    <td>
                      {a.actorName}
                      <span className="muted small admin-error-line">{a.actorEmail}</span>
                    </td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td>{targetLink(a.targetType, a.targetId)}</td>
                    <td>{a.reason}</td>
                    <td>
                      <code className="small">{json(a.before)}</code> → <code className="small">{json(a.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager {...list.data} noun="actions" hrefFor={(page) => hrefFor({ ...filter, page })} />
        </>
      )}
    </section>
  );
}
