"use client";

import { useState, useSyncExternalStore } from "react";
import { isValidTimeZone } from "@/core/time/time-zone";

const noopSubscribe = () => () => {};

/** The browser's IANA zone, or UTC when it reports none the app can use. */
export function detectTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isValidTimeZone(zone) ? zone : "UTC";
  } catch {
    return "UTC";
  }
}

/**
 * The viewer's IANA time zone (detected from the browser, "UTC" during SSR), plus a
 * setter so the viewer can pick another zone.
 */
export function useViewerZone(): [zone: string, setZone: (zone: string) => void, ready: boolean] {
  const detected = useSyncExternalStore(noopSubscribe, detectTimeZone, () => "");
  const [override, setOverride] = useState<string | null>(null);
  const ready = detected !== "";
  return [override ?? (ready ? detected : "UTC"), setOverride, ready];
}
