import type { Metadata } from "next";
import { MetricsDashboard } from "@/features/admin/metrics/components/metrics-dashboard";

export const metadata: Metadata = { title: "Metrics" };

export default function AdminMetricsPage() {
  return (
    <>
      <h1>Business metrics</h1>
      <p>
        Booking conversion, payment success, session type popularity, revenue and refunds, from the database. The same figures for today go
        to Datadog every minute (booking.business.*).
      </p>
      <MetricsDashboard />
    </>
  );
}
