"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatShare, shortDay, type MetricsOverview } from "../format";
import { ChartFrame } from "./chart-frame";

export function ConversionSection({ conversion }: { conversion: MetricsOverview["conversion"] }) {
  const data = conversion.days.map((d) => ({ ...d, label: shortDay(d.day) }));
  return (
    <section className="card metrics-section" aria-labelledby="metrics-conversion">
      <h2 id="metrics-conversion">Booking conversion</h2>
      <dl className="metrics-figures">
        <Figure id="slot-requests" label="Slot requests" value={formatCount(conversion.slotRequests)} />
        <Figure id="bookings-created" label="Bookings created" value={formatCount(conversion.bookingsCreated)} />
        <Figure id="bookings-confirmed" label="Bookings confirmed" value={formatCount(conversion.bookingsConfirmed)} />
        <Figure
          id="requests-to-bookings"
          label="Requests to bookings"
          value={formatShare(conversion.bookingsCreated, conversion.slotRequests)}
        />
        <Figure
          id="created-to-confirmed"
          label="Created to confirmed"
          value={formatShare(conversion.bookingsConfirmed, conversion.bookingsCreated)}
        />
      </dl>
      <ChartFrame label="Slot requests, bookings created and bookings confirmed per day">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="slotRequests" name="Slot requests" fill="#7c8db5" />
            <Bar dataKey="bookingsCreated" name="Bookings created" fill="#2d5bd7" />
            <Bar dataKey="bookingsConfirmed" name="Confirmed" fill="#067647" />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <details>
        <summary>Figures per day</summary>
        <table className="metrics-table">
          <caption>Booking conversion per UTC day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Slot requests</th>
              <th scope="col">Bookings created</th>
              <th scope="col">Confirmed</th>
            </tr>
          </thead>
          <tbody>
            {conversion.days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{formatCount(d.slotRequests)}</td>
                <td>{formatCount(d.bookingsCreated)}</td>
                <td>{formatCount(d.bookingsConfirmed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

export function Figure({ id, label, value, suffix }: { id: string; label: string; value: string; suffix?: string }) {
  return (
    <div className="metrics-figure" data-metric={id}>
      <dt>{label}</dt>
      <dd>
        {value}
        {suffix ? <span className="metrics-figure-suffix"> {suffix}</span> : null}
      </dd>
    </div>
  );
}
