"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { OwnSessionType } from "@/trpc/types";
import { getErrorMessage } from "@/lib/errors";
import { formatMoney } from "@/core/money/money";
import { ErrorNotice, Loading } from "@/components/status";
import { CalendlyLink } from "./calendly-link";
import { SessionTypeForm } from "./session-type-form";

export function SessionTypesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.sessionType.mine.queryOptions());
  const [createKey, setCreateKey] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const invalidate = () =>
    Promise.all([queryClient.invalidateQueries(trpc.sessionType.pathFilter()), queryClient.invalidateQueries(trpc.builder.pathFilter())]);
  const create = useMutation(
    trpc.sessionType.create.mutationOptions({
      onSuccess: async (_data, variables) => {
        setCreateKey((k) => k + 1);
        setStatus(`Created “${variables.title}”.`);
        await invalidate();
      },
    }),
  );

  return (
    <div className="stack">
      <div aria-live="polite" className="live-region">
        {status ? <p className="notice notice-success">{status}</p> : null}
      </div>
      {query.isPending ? (
        <Loading label="Loading session types…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted">You have no session types yet. Create one below.</p>
      ) : (
        <ul className="session-type-admin-list">
          {query.data.map((st) => (
            <SessionTypeRow key={st.id} sessionType={st} onChanged={invalidate} onStatus={setStatus} />
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="create-session-type-heading">
        <h3 id="create-session-type-heading">New session type</h3>
        <SessionTypeForm
          key={createKey}
          submitLabel="Create session type"
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => {
            setStatus(null);
            return create.mutateAsync(values);
          }}
        />
      </section>
    </div>
  );
}

function SessionTypeRow({
  sessionType: st,
  onChanged,
  onStatus,
}: {
  sessionType: OwnSessionType;
  onChanged: () => Promise<unknown>;
  onStatus: (message: string) => void;
}) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const update = useMutation(
    trpc.sessionType.update.mutationOptions({
      onSuccess: async (_data, variables) => {
        setEditing(false);
        onStatus(`Saved “${variables.title ?? st.title}”.`);
        await onChanged();
      },
    }),
  );
  const archive = useMutation(
    trpc.sessionType.archive.mutationOptions({
      onSuccess: async () => {
        onStatus(`Archived “${st.title}”.`);
        await onChanged();
      },
    }),
  );

  return (
    <li className="card session-type-row">
      <div className="session-type-summary">
        <h3>
          {st.title} {st.active ? null : <span className="badge badge-cancelled">Archived</span>}
        </h3>
        <p className="muted">
          {st.durationMinutes} min · {formatMoney({ amountCents: st.priceCents, currency: st.currency })} · /{st.slug}
          {st.calendlyEventTypeUri ? " · Calendly linked" : ""}
        </p>
      </div>
      {st.active && !editing ? (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> {st.title}</span>
          </button>
          <button type="button" className="button button-danger" onClick={() => archive.mutate({ id: st.id })} disabled={archive.isPending}>
            {archive.isPending ? "Archiving…" : "Archive"}
            <span className="visually-hidden"> {st.title}</span>
          </button>
          <CalendlyLink sessionType={st} onChanged={onChanged} />
        </div>
      ) : null}
      {archive.isError ? (
        <p className="notice notice-error" role="alert">
          {getErrorMessage(archive.error)}
        </p>
      ) : null}
      {editing ? (
        <SessionTypeForm
          initial={st}
          submitLabel="Save session type"
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutateAsync({ id: st.id, ...values })}
          onCancel={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}
