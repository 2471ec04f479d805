"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, type MetricsOverview } from "../format";
import { ChartFrame } from "./chart-frame";

export function PopularitySection({ popularity }: { popularity: MetricsOverview["popularity"] }) {
  const data = popularity.map((p) => ({ ...p, label: `${p.title} (${p.builderName})` }));
  return (
    <section className="card metrics-section" aria-labelledby="metrics-popularity">
      <h2 id="metrics-popularity">Session type popularity</h2>
      {popularity.length === 0 ? (
        <p>No bookings in this range.</p>
      ) : (
        <>
          <ChartFrame label="Bookings per session type, most booked first">
            <ResponsiveContainer width="100%" height={Math.max(160, 48 * data.length)}>
              <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={220} />
                <Tooltip />
                <Legend />
                <Bar dataKey="bookings" name="Bookings" fill="#2d5bd7" />
                <Bar dataKey="confirmed" name="Confirmed" fill="#067647" />
              </BarChart>
            </ResponsiveContainer>
          </ChartFrame>
          <table className="metrics-table">
            <caption>Bookings per session type</caption>
            <thead>
              <tr>
                <th scope="col">Session type</th>
                <th scope="col">Builder</th>
                <th scope="col">Bookings</th>
                <th scope="col">Confirmed</th>
              </tr>
            </thead>
            <tbody>
              {popularity.map((p) => (
                <tr key={p.sessionTypeId}>
                  <th scope="row">{p.title}</th>
                  <td>{p.builderName}</td>
                  <td>{formatCount(p.bookings)}</td>
                  <td>{formatCount(p.confirmed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
