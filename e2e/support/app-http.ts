import { signCalendlyPayload } from "@booking/provider-sandbox";
import superjson from "superjson";

// The app's HTTP API as a client and as Calendly reach it: tRPC requests exactly as the
// client link sends them (superjson; GET for queries), and signed webhook deliveries.

export type TrpcAnswer = {
  status: number;
  error: { message: string; data: { appCode?: string } } | null;
  data: unknown;
};

/** `clientIp` goes in X-Forwarded-For: the instances trust one proxy hop, so it is the rate-limit identity. */
export async function trpc(baseUrl: string, procedure: string, type: "query" | "mutation", input: unknown, clientIp: string) {
  const encoded = JSON.stringify(superjson.serialize(input));
  const headers = { "x-forwarded-for": clientIp };
  const res =
    type === "query"
      ? await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(encoded)}`, { headers })
      : await fetch(`${baseUrl}/api/trpc/${procedure}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: encoded,
        });
  const body = (await res.json()) as { error?: { json: TrpcAnswer["error"] }; result?: { data: unknown } };
  return { status: res.status, error: body.error?.json ?? null, data: body.result?.data } satisfies TrpcAnswer;
}

/** POSTs a Calendly webhook body, signed now, as Calendly delivers it; the app's status and JSON answer. */
export async function deliverCalendly(baseUrl: string, rawBody: string, signingKey: string) {
  const res = await fetch(`${baseUrl}/api/webhooks/calendly`, {
    method: "POST",
    headers: { "content-type": "application/json", "calendly-webhook-signature": signCalendlyPayload(rawBody, signingKey) },
    body: rawBody,
  });
  return { status: res.status, body: (await res.json()) as { received?: boolean; duplicate?: boolean; error?: string } };
}

let clients = 0;
/** A client address no other test of this cluster used (TEST-NET-3; each cluster has a Redis of its own). */
export function nextClientIp(): string {
  clients += 1;
  return `203.0.113.${clients}`;
}
