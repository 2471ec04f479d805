"use client";

import { useState, type FormEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lastDays, metricsRangeInput, type MetricsRangeInput } from "@/core/validation/admin-metrics";
import { ErrorNotice, Loading } from "@/components/status";
import { useTRPC } from "@/trpc/client";
import { ConversionSection } from "./conversion-section";
import { PaymentsSection } from "./payments-section";
import { PopularitySection } from "./popularity-section";
import { RevenueSection } from "./revenue-section";

const PRESETS = [7, 30, 90] as const;

/** The console's business metrics for a range of UTC days (admin.metrics.overview). */
export function MetricsDashboard() {
  const trpc = useTRPC();
  const [range, setRange] = useState<MetricsRangeInput>(() => lastDays(30, new Date()));
  const overview = useQuery({ ...trpc.admin.metrics.overview.queryOptions({ range, limit: 10 }), placeholderData: keepPreviousData });

  return (
    <div className="metrics-dashboard">
      <RangeForm range={range} onChange={setRange} />
      {overview.isPending ? <Loading label="Computing the metrics…" /> : null}
      {overview.isError ? <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <div aria-busy={overview.isFetching} className="metrics-sections">
          <p className="metrics-range-note">
            From {overview.data.range.from} to {overview.data.range.to} (whole UTC days).
          </p>
          <ConversionSection conversion={overview.data.conversion} />
          <PaymentsSection payments={overview.data.payments} />
          <PopularitySection popularity={overview.data.popularity} />
          <RevenueSection revenue={overview.data.revenue} days={overview.data.conversion.days.map((d) => d.day)} />
        </div>
      ) : null}
    </div>
  );
}

function RangeForm({ range, onChange }: { range: MetricsRangeInput; onChange: (range: MetricsRangeInput) => void }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = metricsRangeInput.safeParse({ from, to });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Choose a valid range");
    setError(null);
    onChange(parsed.data);
  }
  function preset(days: number) {
    const next = lastDays(days, new Date());
    setFrom(next.from);
    setTo(next.to);
    setError(null);
    onChange(next);
  }

  return (
    <form className="metrics-range card" onSubmit={submit} aria-label="Date range" noValidate>
      <div className="field">
        <label htmlFor="metrics-from">From (UTC)</label>
        <input id="metrics-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="metrics-to">To (UTC)</label>
        <input
          id="metrics-to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "metrics-range-error" : undefined}
        />
      </div>
      <button type="submit" className="button">
        Show
      </button>
      <div className="metrics-presets" role="group" aria-label="Quick ranges">
        {PRESETS.map((days) => (
          <button key={days} type="button" className="button button-secondary" onClick={() => preset(days)}>
            Last {days} days
          </button>
        ))}
      </div>
      {error ? (
        <p id="metrics-range-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
