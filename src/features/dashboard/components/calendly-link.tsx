"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { OwnSessionType } from "@/trpc/types";
import { getErrorMessage } from "@/lib/errors";
import { ConnectCalendlyButton } from "./calendly-account";

/** Maps a session type to one of the builder's own Calendly event types (or unmaps it). */
export function CalendlyLink({ sessionType: st, onChanged }: { sessionType: OwnSessionType; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const account = useQuery({ ...trpc.sessionType.calendlyAccount.queryOptions(), enabled: open });
  const connected = account.data?.connected === true;
  const eventTypes = useQuery({ ...trpc.sessionType.calendlyEventTypes.queryOptions(), enabled: open && connected });
  const link = useMutation(
    trpc.sessionType.linkCalendly.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await onChanged();
      },
    }),
  );
  const [choice, setChoice] = useState(st.calendlyEventTypeUri ?? "");

  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {st.calendlyEventTypeUri ? "Change Calendly link" : "Link to Calendly"}
        <span className="visually-hidden"> for {st.title}</span>
      </button>
    );
  }
  if (account.isPending || !connected) {
    return (
      <div className="stack">
        {account.isPending ? (
          <p role="status">Checking your Calendly connection…</p>
        ) : (
          <>
            <p>Connect your own Calendly first: {st.title} can only be linked to one of your event types.</p>
            <ConnectCalendlyButton />
          </>
        )}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        link.mutate({ id: st.id, eventTypeUri: choice || null });
      }}
    >
      <label>
        Calendly event type for {st.title}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} disabled={eventTypes.isPending}>
          <option value="">Not scheduled through Calendly</option>
          {eventTypes.data?.map((t) => (
            <option key={t.uri} value={t.uri}>
              {t.name} ({t.durationMinutes} min)
            </option>
          ))}
        </select>
      </label>
      {eventTypes.isError ? (
        <p className="notice notice-error" role="alert">
          {getErrorMessage(eventTypes.error)}
        </p>
      ) : null}
      {link.isError ? (
        <p className="notice notice-error" role="alert">
          {getErrorMessage(link.error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={link.isPending || eventTypes.isPending}>
          {link.isPending ? "Saving…" : "Save Calendly link"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </form>
  );
}
