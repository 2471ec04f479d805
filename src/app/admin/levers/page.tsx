import type { Metadata } from "next";
import { LeversPanel } from "@/features/admin/levers/levers-panel";

export const metadata: Metadata = { title: "Levers" };

export default function AdminLeversPage() {
  return (
    <>
      <h1>Levers</h1>
      <p className="muted">
        Switches for incidents, in effect on every instance within seconds, no deploy. Each change needs a reason and is audited.
      </p>
      <LeversPanel />
    </>
  );
}
