"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorNotice, Loading } from "@/components/status";
import type { LeverNameInput } from "@/core/validation/levers";
import { ActionWithReason } from "@/features/admin/components/action-with-reason";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../components/format-when";
import { LEVER_COPY } from "./lever-copy";

/** The four runtime levers: state, who set it and when, and a switch that needs a reason. */
export function LeversPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const levers = useQuery(trpc.admin.levers.queryOptions());
  const setLever = useMutation(
    trpc.admin.setLever.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.admin.pathFilter()),
    }),
  );

  if (levers.isPending) return <Loading label="Loading levers…" />;
  if (levers.isError) return <ErrorNotice error={levers.error} title="Could not load the levers" onRetry={() => void levers.refetch()} />;

  return (
    <ul className="admin-levers">
      {levers.data.map((lever) => {
        const name = lever.name as LeverNameInput;
        const copy = LEVER_COPY[name];
        const next = !lever.value;
        return (
          <li key={name} className="card admin-lever" data-lever={name}>
            <div className="admin-lever-head">
              <h2>{copy.title}</h2>
              <span className={`admin-state ${lever.value ? "admin-state-on" : "admin-state-off"}`} data-testid={`lever-state-${name}`}>
                {lever.value ? "On" : "Off"}
              </span>
            </div>
            <p>{copy.does}</p>
            <p className="muted small">
              <strong>When on:</strong> {copy.whenOn} <strong>Pull it when:</strong> {copy.pullWhen}
            </p>
            <p className="muted small">
              {lever.updatedBy && lever.updatedAt
                ? `Set by ${lever.updatedBy.name} (${lever.updatedBy.email}) ${formatWhen(lever.updatedAt)}`
                : "Never set here: the environment default applies."}
            </p>
            <ActionWithReason
              label={next ? "Turn on" : "Turn off"}
              contextLabel={copy.title}
              question={`Turn ${copy.title.toLowerCase()} ${next ? "on" : "off"}?`}
              consequence="Every instance follows within seconds."
              confirmLabel={next ? `Yes, turn on` : `Yes, turn off`}
              danger={next}
              onConfirm={(reason) => setLever.mutateAsync({ lever: name, value: next, reason })}
            />
          </li>
        );
      })}
    </ul>
  );
}
