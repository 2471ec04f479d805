"use client";

import { useSyncExternalStore } from "react";

// Phones pick a day, then a time; the week grid needs a wider screen. Matches the CSS breakpoint.
const NARROW = "(max-width: 40rem)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on a narrow viewport; false while rendering on the server. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
