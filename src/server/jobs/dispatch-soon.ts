import { getDb } from "@/server/db/client";
import { kickOutbox } from "./enqueue";

/** Called by request handlers after a commit that may have written outbox rows. */
export function dispatchOutboxSoon(): void {
  kickOutbox(getDb());
}
