"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { getErrorMessage } from "@/lib/errors";
import { ErrorNotice, Loading } from "@/components/status";

/**
 * The builder's link to their own Calendly user, a member of the marketplace's Calendly
 * organization found by their account email. Session types can only be mapped to that user's
 * event types, and only Calendly events hosted by that user are accepted.
 */
export function CalendlyAccount() {
  const trpc = useTRPC();
  const account = useQuery(trpc.sessionType.calendlyAccount.queryOptions());
  return (
    <section className="card" aria-labelledby="calendly-account-heading">
      <h3 id="calendly-account-heading">Calendly</h3>
      {account.isPending ? (
        <Loading label="Checking your Calendly connection…" />
      ) : account.isError ? (
        <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />
      ) : account.data.connected ? (
        <>
          <p data-testid="calendly-connected">
            Connected to the Calendly user {account.data.email}. Link a session type below to let clients book it through your Calendly.
          </p>
          <DisconnectCalendly mapped={account.data.mappedSessionTypes.map((t) => t.title)} />
        </>
      ) : (
        <>
          <p className="muted">
            Connect your own Calendly user ({account.data.email}) to schedule session types through Calendly. You need to have accepted our
            invitation to the marketplace&apos;s Calendly organization with that email.
          </p>
          <ConnectCalendlyButton />
        </>
      )}
    </section>
  );
}

/** Looks the builder up in the marketplace's Calendly organization and links the user found. */
export function ConnectCalendlyButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connect = useMutation(
    trpc.sessionType.connectCalendly.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.sessionType.pathFilter()),
    }),
  );
  return (
    <div className="stack">
      <div className="button-row">
        <button type="button" className="button" disabled={connect.isPending} onClick={() => connect.mutate()}>
          {connect.isPending ? "Connecting…" : "Connect Calendly"}
        </button>
      </div>
      <div aria-live="assertive">
        {connect.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(connect.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function DisconnectCalendly({ mapped }: { mapped: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const disconnect = useMutation(
    trpc.sessionType.disconnectCalendly.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.sessionType.pathFilter()),
    }),
  );
  return (
    <div className="stack">
      {mapped.length > 0 ? <p className="muted">Scheduled through Calendly: {mapped.join(", ")}. Unlink them to disconnect.</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={disconnect.isPending || mapped.length > 0}
          onClick={() => disconnect.mutate()}
        >
          {disconnect.isPending ? "Disconnecting…" : "Disconnect Calendly"}
        </button>
      </div>
      <div aria-live="assertive">
        {disconnect.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(disconnect.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
