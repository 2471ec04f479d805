// Outgoing webhook delivery shared by the Stripe and Calendly sandboxes.

export type Delivery = {
  eventId: string;
  type: string;
  /** HTTP status of the receiver's answer; 0 when nothing answered (refused, timeout). */
  status: number;
  error?: string;
  at: Date;
};

/** Providers wait ~10-15 s; shorter here so a dead local app does not stall a test run. */
const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * POSTs one signed webhook. Redirects are not followed and count as failures,
 * as both Stripe and Calendly treat anything but 2xx as a failed delivery.
 * Never throws: a failed delivery is data for the test, not an exception.
 */
export async function postWebhook(
  url: string,
  rawBody: string,
  headers: Record<string, string>,
): Promise<{ status: number; error?: string }> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
      body: rawBody,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // Drain the body so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300
      ? { status: res.status }
      : { status: res.status, error: `receiver answered ${res.status}` };
  } catch (err) {
    // fetch reports "fetch failed"; the cause (ECONNREFUSED, timeout) is what a developer needs.
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return { status: 0, error: `${err instanceof Error ? err.message : String(err)}${cause}` };
  }
}

/**
 * Runs tasks one after another. Deliveries go through one queue per sandbox so
 * events leave in the order they were produced even when started from
 * different places (an HTTP route, a test, a refund answered first).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
