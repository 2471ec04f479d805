"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { OwnSessionType } from "@/trpc/types";
import { ErrorNotice, Loading } from "@/components/status";
import { ArchiveSessionTypeButton } from "./archive-session-type-button";
import { ArchivedSessionTypes } from "./archived-session-types";
import { CalendlyAccount } from "./calendly-account";
import { CalendlyLink } from "./calendly-link";
import { SessionTypeForm } from "./session-type-form";
import { SessionTypeSummary } from "./session-type-summary";

export function SessionTypesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.sessionType.mine.queryOptions());
  const active = query.data?.filter((st) => st.active) ?? [];
  const archived = query.data?.filter((st) => !st.active) ?? [];
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
      <CalendlyAccount />
      <div aria-live="polite" className="live-region">
        {status ? <p className="notice notice-success">{status}</p> : null}
      </div>
      {query.isPending ? (
        <Loading label="Loading session types…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {active.length === 0 ? (
            <p className="muted">
              {archived.length === 0 ? "You have no session types yet." : "You have no active session types."} Create one below
              {archived.length === 0 ? "" : " or unarchive one"}: until then clients cannot book you and the marketplace does not list you.
            </p>
          ) : (
            <ul className="session-type-admin-list">
              {active.map((st) => (
                <SessionTypeRow key={st.id} sessionType={st} onChanged={invalidate} onStatus={setStatus} />
              ))}
            </ul>
          )}
          <ArchivedSessionTypes sessionTypes={archived} onChanged={invalidate} onStatus={setStatus} />
        </>
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

  return (
    <li className="card session-type-row">
      <SessionTypeSummary sessionType={st} headingLevel="h3" />
      {!editing ? (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> {st.title}</span>
          </button>
          <CalendlyLink sessionType={st} onChanged={onChanged} />
          <ArchiveSessionTypeButton
            sessionType={st}
            onArchived={() => {
              onStatus(`Archived “${st.title}”. It is listed under Archived below, where you can unarchive it.`);
              return onChanged();
            }}
          />
        </div>
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
