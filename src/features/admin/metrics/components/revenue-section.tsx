"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCents, shortDay, type MetricsOverview } from "../format";
import { ChartFrame } from "./chart-frame";

// One chart per currency: amounts in different currencies are never added up.
export function RevenueSection({ revenue, days }: { revenue: MetricsOverview["revenue"]; days: string[] }) {
  return (
    <section className="card metrics-section" aria-labelledby="metrics-revenue">
      <h2 id="metrics-revenue">Revenue and refunds</h2>
      {revenue.totals.length === 0 ? <p>No payments or refunds in this range.</p> : null}
      {revenue.totals.map((total) => {
        const code = total.currency.toUpperCase();
        const byDay = new Map(revenue.days.filter((d) => d.currency === total.currency).map((d) => [d.day, d]));
        const data = days.map((day) => ({
          label: shortDay(day),
          revenue: (byDay.get(day)?.revenueCents ?? 0) / 100,
          refunds: (byDay.get(day)?.refundedCents ?? 0) / 100,
        }));
        return (
          <div key={total.currency} className="metrics-currency">
            <h3>{code}</h3>
            <ChartFrame label={`Revenue and refunds per day in ${code}`}>
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip formatter={(value) => formatCents(Math.round(Number(value) * 100), total.currency)} />
                  <Legend />
                  <Bar dataKey="revenue" name="Revenue" fill="#067647" />
                  <Bar dataKey="refunds" name="Refunds" fill="#b42318" />
                </BarChart>
              </ResponsiveContainer>
            </ChartFrame>
            <table className="metrics-table" data-currency={total.currency}>
              <caption>Revenue and refunds in {code}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Revenue</th>
                  <th scope="col">Refunds</th>
                </tr>
              </thead>
              <tbody>
                {[...byDay.values()].map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{formatCents(d.revenueCents, d.currency)}</td>
                    <td>{formatCents(d.refundedCents, d.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td>{formatCents(total.revenueCents, total.currency)}</td>
                  <td>{formatCents(total.refundedCents, total.currency)}</td>
                </tr>
                <tr>
                  <th scope="row">Net</th>
                  <td colSpan={2}>{formatCents(total.netCents, total.currency)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
    </section>
  );
}
