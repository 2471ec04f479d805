"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { OwnSessionType } from "@/trpc/types";
import { getErrorMessage } from "@/lib/errors";

/**
 * "Archive" with an inline confirm step (not window.confirm: it is announced, styled and
 * keyboard-friendly). Focus moves into the question and back to the button on "Keep".
 */
export function ArchiveSessionTypeButton({
  sessionType: st,
  onArchived,
}: {
  sessionType: OwnSessionType;
  onArchived: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const archiveRef = useRef<HTMLButtonElement>(null);
  const reopened = useRef(false);
  const archive = useMutation(trpc.sessionType.archive.mutationOptions({ onSuccess: () => onArchived() }));

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (reopened.current) archiveRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={archiveRef}
        type="button"
        className="button button-danger"
        onClick={() => {
          archive.reset();
          setConfirming(true);
        }}
      >
        Archive<span className="visually-hidden"> {st.title}</span>
      </button>
    );
  }

  return (
    <div role="group" aria-labelledby={questionId} className="card cancel-confirm">
      <p id={questionId} className="notice-title">
        Archive “{st.title}”?
      </p>
      <p className="muted small">Clients can no longer book it; existing bookings stay as they are. You can unarchive it later.</p>
      {archive.isError ? (
        <p className="notice notice-error" role="alert">
          {getErrorMessage(archive.error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => archive.mutate({ id: st.id })} disabled={archive.isPending}>
          {archive.isPending ? "Archiving…" : "Yes, archive"}
          <span className="visually-hidden"> {st.title}</span>
        </button>
        <button
          ref={keepRef}
          type="button"
          className="button button-secondary"
          disabled={archive.isPending}
          onClick={() => {
            reopened.current = true;
            setConfirming(false);
          }}
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
