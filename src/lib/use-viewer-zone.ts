"use client";

import { useCallback, useSyncExternalStore } from "react";
import { isValidTimeZone } from "@/core/time/time-zone";
import { modernZoneName } from "./time-zone-options";

const noopSubscribe = () => () => {};
const STORAGE_KEY = "viewer-time-zone";
const STORAGE_EVENT = "viewer-time-zone-change";

/** The browser's IANA zone under its modern name, or UTC when it reports none the app can use. */
export function detectTimeZone(): string {
  try {
    const zone = modernZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
    return zone && isValidTimeZone(zone) ? zone : "UTC";
  } catch {
    return "UTC";
  }
}

// A guest's choice lives in localStorage; every hook on the page follows a change at once.
function readStoredZone(): string {
  try {
    const zone = window.localStorage.getItem(STORAGE_KEY);
    return zone && isValidTimeZone(zone) ? zone : "";
  } catch {
    return "";
  }
}

function subscribeStoredZone(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(STORAGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(STORAGE_EVENT, onChange);
  };
}

function storeZone(zone: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, zone);
  } catch {
    // Private mode or storage full: the choice then lasts only for this page.
  }
  window.dispatchEvent(new Event(STORAGE_EVENT));
}

/** A signed-in viewer's remembered zone, supplied by a caller that can reach the API. */
export type AccountZone = {
  /** The zone stored on the account; null when none is, undefined for a guest. */
  zone: string | null | undefined;
  /** The account is still loading: wait, so the page does not flash another zone first. */
  pending: boolean;
  remember: (zone: string) => void;
};

/**
 * The zone the viewer reads times in: the account's remembered zone, else the one picked on
 * this browser, else the browser's own; "UTC" during server rendering. The setter remembers a
 * choice for this browser and, through `account`, for the account.
 */
export function useViewerZone(account?: AccountZone): [zone: string, setZone: (zone: string) => void, ready: boolean] {
  const detected = useSyncExternalStore(noopSubscribe, detectTimeZone, () => "");
  const stored = useSyncExternalStore(subscribeStoredZone, readStoredZone, () => "");
  const remember = account?.remember;

  const setZone = useCallback(
    (zone: string) => {
      const modern = modernZoneName(zone);
      storeZone(modern);
      remember?.(modern);
    },
    [remember],
  );

  const accountZone = account?.zone && isValidTimeZone(account.zone) ? modernZoneName(account.zone) : "";
  const ready = detected !== "" && !account?.pending;
  const zone = accountZone || stored || detected || "UTC";
  return [ready ? zone : "UTC", setZone, ready];
}

/** The browser's locale, for 12/24-hour clocks and date wording; "en-US" while rendering on the server. */
export function useViewerLocale(): string {
  return useSyncExternalStore(
    noopSubscribe,
    () => navigator.language || "en-US",
    () => "en-US",
  );
}
