"use client";

import type { ReactNode } from "react";

/**
 * A chart with its accessible name; the same figures follow in a table, which is what screen
 * readers and tests read (the SVG itself is decoration for them: role="img" with a label).
 */
export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <figure className="metrics-chart" role="img" aria-label={label}>
      {children}
    </figure>
  );
}
