"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatShare, type MetricsOverview } from "../format";
import { ChartFrame } from "./chart-frame";
import { Figure } from "./conversion-section";

const OUTCOMES = [
  { key: "paid", label: "Paid", color: "#067647" },
  { key: "failed", label: "Failed", color: "#b42318" },
  { key: "expired", label: "Hold expired", color: "#93370d" },
  { key: "open", label: "Still open", color: "#7c8db5" },
] as const;

export function PaymentsSection({ payments }: { payments: MetricsOverview["payments"] }) {
  const data = OUTCOMES.map((o) => ({ name: o.label, value: payments[o.key], color: o.color }));
  return (
    <section className="card metrics-section" aria-labelledby="metrics-payments">
      <h2 id="metrics-payments">Payment success</h2>
      <dl className="metrics-figures">
        <Figure id="checkouts-started" label="Checkouts started" value={formatCount(payments.checkoutsStarted)} />
        <Figure id="payment-success-rate" label="Success rate" value={formatShare(payments.paid, payments.checkoutsStarted)} />
      </dl>
      <ChartFrame label="Outcome of the checkouts started">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="value" name="Checkouts">
              {data.map((d) => (
                <Cell key={d.name} fill={d.color} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <table className="metrics-table">
        <caption>Checkouts started, by outcome</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Checkouts</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o.key} data-outcome={o.key}>
              <th scope="row">{o.label}</th>
              <td>{formatCount(payments[o.key])}</td>
              <td>{formatShare(payments[o.key], payments.checkoutsStarted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
