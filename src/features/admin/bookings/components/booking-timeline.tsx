import Link from "next/link";
import type { RouterOutputs } from "@/trpc/types";
import { formatWhen } from "../../components/format-when";
import { humanize } from "./booking-labels";

type Entry = RouterOutputs["admin"]["bookings"]["byId"]["timeline"][number];

const SOURCE_LABEL = { transition: "State change", webhook: "Webhook event", outbox: "Outbox message", audit: "Operator action" } as const;

function describe(entry: Entry) {
  switch (entry.source) {
    case "transition":
      return (
        <>
          <code>{entry.transition}</code>: {entry.from} → {entry.to}
          <span className="muted small admin-error-line">
            by {humanize(entry.actor)}
            {entry.cause ? ` (${entry.cause})` : ""}
          </span>
        </>
      );
    case "webhook":
      return (
        <>
          <Link href={`/admin/webhooks/${entry.id}`}>
            {entry.provider === "STRIPE" ? "Stripe" : "Calendly"} <code>{entry.type}</code>
          </Link>
          : {humanize(entry.status)}, {entry.attempts} attempt{entry.attempts === 1 ? "" : "s"}
          {entry.lastError ? <span className="muted small admin-error-line">{entry.lastError}</span> : null}
        </>
      );
    case "outbox":
      return (
        <>
          <code>{entry.kind}</code>: {humanize(entry.status)}, {entry.attempts} attempt{entry.attempts === 1 ? "" : "s"}
          {entry.sentAt ? `, sent ${formatWhen(entry.sentAt)}` : ""}
          {entry.lastError ? (
            <span className="muted small admin-error-line">
              {entry.lastStatusCode ? `${entry.lastStatusCode}: ` : ""}
              {entry.lastError}
            </span>
          ) : null}
        </>
      );
    case "audit":
      return (
        <>
          <code>{entry.action}</code> by {entry.actor}
          <span className="muted small admin-error-line">Reason: {entry.reason}</span>
        </>
      );
  }
}

/** Everything that happened to a booking, oldest first, whatever its source. */
export function BookingTimeline({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="booking-timeline">
        <caption className="visually-hidden">Timeline, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.source}-${entry.id}`} data-source={entry.source}>
              <td>{formatWhen(entry.at)}</td>
              <td>{SOURCE_LABEL[entry.source]}</td>
              <td>{describe(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
