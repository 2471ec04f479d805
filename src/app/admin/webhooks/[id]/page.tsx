import type { Metadata } from "next";
import Link from "next/link";
import { WebhookEventView } from "@/features/admin/webhooks/webhook-event-view";

export const metadata: Metadata = { title: "Webhook event" };

export default async function AdminWebhookEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <p>
        <Link href="/admin/webhooks">← Webhook inbox</Link>
      </p>
      <h1>Webhook event</h1>
      <WebhookEventView id={id} />
    </>
  );
}
