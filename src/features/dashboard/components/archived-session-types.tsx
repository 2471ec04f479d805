"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { OwnSessionType } from "@/trpc/types";
import { getErrorMessage } from "@/lib/errors";
import { SessionTypeSummary } from "./session-type-summary";

/** Archived types, apart from the live ones, each with the undo of archiving. */
export function ArchivedSessionTypes({
  sessionTypes,
  onChanged,
  onStatus,
}: {
  sessionTypes: OwnSessionType[];
  onChanged: () => Promise<unknown>;
  onStatus: (message: string) => void;
}) {
  if (sessionTypes.length === 0) return null;
  return (
    <section aria-labelledby="archived-session-types-heading">
      <h3 id="archived-session-types-heading">Archived</h3>
      <p className="muted small">Hidden from clients. Unarchive one to offer it again.</p>
      <ul className="session-type-admin-list">
        {sessionTypes.map((st) => (
          <ArchivedRow key={st.id} sessionType={st} onChanged={onChanged} onStatus={onStatus} />
        ))}
      </ul>
    </section>
  );
}

function ArchivedRow({
  sessionType: st,
  onChanged,
  onStatus,
}: {
  sessionType: OwnSessionType;
  onChanged: () => Promise<unknown>;
  onStatus: (message: string) => void;
}) {
  const trpc = useTRPC();
  const unarchive = useMutation(
    trpc.sessionType.unarchive.mutationOptions({
      onSuccess: async () => {
        onStatus(`Unarchived “${st.title}”: clients can book it again.`);
        await onChanged();
      },
    }),
  );
  return (
    <li className="card session-type-row">
      <SessionTypeSummary sessionType={st} headingLevel="h4" />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => unarchive.mutate({ id: st.id })}
          disabled={unarchive.isPending}
        >
          {unarchive.isPending ? "Unarchiving…" : "Unarchive"}
          <span className="visually-hidden"> {st.title}</span>
        </button>
      </div>
      {unarchive.isError ? (
        <p className="notice notice-error" role="alert">
          {getErrorMessage(unarchive.error)}
        </p>
      ) : null}
    </li>
  );
}
