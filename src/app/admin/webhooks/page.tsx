import type { Metadata } from "next";
import { listWebhooksInput } from "@/core/validation/admin-webhooks";
import { WebhookInbox } from "@/features/admin/webhooks/webhook-inbox";

export const metadata: Metadata = { title: "Webhooks" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AdminWebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  // A hand-edited address with an unknown filter shows everything rather than an error.
  const parsed = listWebhooksInput.safeParse({
    provider: one(query.provider),
    status: one(query.status),
    type: one(query.type),
    page: one(query.page) ? Number(query.page) : undefined,
  });
  const filter = parsed.success ? parsed.data : { page: 1 };
  return (
    <>
      <h1>Webhook inbox</h1>
      <p className="muted">
        Every Calendly and Stripe event received, newest first. Held events wait for an operator (manual booking mode).
      </p>
      <WebhookInbox filter={filter} />
    </>
  );
}
