"use client";

import { useState, useSyncExternalStore } from "react";
import { detectTimeZone } from "./time";

const noopSubscribe = () => () => {};

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
