"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import { ActionWithReason } from "@/features/admin/components/action-with-reason";
import { isNotFound } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../../components/format-when";
import { formatMoney, humanize } from "./booking-labels";
import { BookingTimeline } from "./booking-timeline";
import { CancelBookingForm } from "./cancel-booking-form";
import { RefundBookingForm } from "./refund-booking-form";

/** One booking in the console: its facts, the actions its state allows, and its timeline. */
export function BookingDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  // Polls while something is still on its way (a refund call, an email), so the page shows the outcome.
  const detail = useQuery(
    trpc.admin.bookings.byId.queryOptions(
      { id },
      { refetchInterval: (q) => (q.state.data?.outbox.some((o) => o.status === "PENDING") ? 2_000 : false) },
    ),
  );
  const after = (message: string) => ({
    onSuccess: async () => {
      setDone(message);
      await queryClient.invalidateQueries(trpc.admin.pathFilter());
    },
  });
  const confirm = useMutation(trpc.admin.bookings.confirm.mutationOptions(after("Booking confirmed.")));
  const cancel = useMutation(trpc.admin.bookings.cancel.mutationOptions(after("Booking cancelled.")));
  const refund = useMutation(trpc.admin.bookings.refund.mutationOptions(after("Refund started.")));
  const resolve = useMutation(trpc.admin.bookings.resolveAttention.mutationOptions(after("Attention flag resolved.")));
  const resend = useMutation(trpc.admin.bookings.resendEmail.mutationOptions(after("Email queued to be sent again.")));

  if (detail.isPending) return <Loading label="Loading the booking…" />;
  if (detail.isError) {
    return isNotFound(detail.error) ? (
      <p className="notice">No booking with this id.</p>
    ) : (
      <ErrorNotice error={detail.error} title="Could not load the booking" onRetry={() => void detail.refetch()} />
    );
  }
  const { booking: b, outbox, timeline } = detail.data;
  const live = b.status !== "CANCELLED";
  const resendable = outbox.filter((o) => o.kind.startsWith("EMAIL_") && (o.status === "SENT" || o.status === "FAILED"));

  return (
    <>
      <h1>
        {b.clientName} with {b.builder.displayName}
      </h1>
      <p className="muted" aria-live="polite">
        {done}
      </p>
      <dl className="admin-facts">
        <dt>Status</dt>
        <dd data-testid="booking-status">{humanize(b.status)}</dd>
        <dt>Payment</dt>
        <dd data-testid="booking-payment">{humanize(b.paymentStatus)}</dd>
        <dt>Session</dt>
        <dd>
          {b.sessionType.title}, {formatWhen(b.startTime)} to {formatWhen(b.endTime)}
        </dd>
        <dt>Client</dt>
        <dd>
          {b.clientName} ({b.clientEmail}){b.client ? "" : ", guest"}
        </dd>
        <dt>Price / paid / refunded</dt>
        <dd>
          {formatMoney(b.priceCents, b.currency)} / {formatMoney(b.amountPaidCents, b.currency)} /{" "}
          {formatMoney(b.refundedCents, b.currency)}
        </dd>
        {b.cancelledAt ? (
          <>
            <dt>Cancelled</dt>
            <dd>
              {formatWhen(b.cancelledAt)} by {humanize(b.cancelledBy ?? "unknown")}
              {b.cancellationReason ? `: ${b.cancellationReason}` : ""}
            </dd>
          </>
        ) : null}
        {b.attentionReason ? (
          <>
            <dt>Needs attention</dt>
            <dd>
              <span className="admin-status admin-status-failed">{b.attentionReason}</span>
              {b.attentionRaisedAt ? ` (since ${formatWhen(b.attentionRaisedAt)})` : ""}
            </dd>
          </>
        ) : null}
        {b.stripePaymentIntentId ? (
          <>
            <dt>Stripe payment</dt>
            <dd>
              <code>{b.stripePaymentIntentId}</code>
            </dd>
          </>
        ) : null}
        <dt>Booking id</dt>
        <dd>
          <code>{b.id}</code>
        </dd>
      </dl>

      <h2>Actions</h2>
      <div className="admin-toolbar">
        {b.status === "PENDING" && b.paymentStatus === "NOT_REQUIRED" ? (
          <ActionWithReason
            label="Confirm"
            question="Confirm this booking?"
            consequence="The client is sent the confirmation email."
            confirmLabel="Yes, confirm"
            onConfirm={(reason) => confirm.mutateAsync({ id, reason })}
          />
        ) : null}
        {live ? <CancelBookingForm paid={b.paymentStatus === "PAID"} onCancel={(values) => cancel.mutateAsync({ id, ...values })} /> : null}
        {b.status === "CANCELLED" && b.paymentStatus === "PAID" ? (
          <RefundBookingForm
            paidCents={b.amountPaidCents ?? 0}
            currency={b.currency}
            onRefund={(values) => refund.mutateAsync({ id, ...values })}
          />
        ) : null}
        {b.attentionReason ? (
          <ActionWithReason
            label="Resolve attention flag"
            question="Mark the attention flag as resolved?"
            consequence="The flag is cleared; its text stays in the audit log."
            confirmLabel="Yes, resolve"
            onConfirm={(reason) => resolve.mutateAsync({ id, reason })}
          />
        ) : null}
        {resendable.map((o) => (
          <ActionWithReason
            key={o.id}
            label="Send again"
            contextLabel={humanize(o.kind)}
            question={`Send the ${humanize(o.kind).toLowerCase()} again?`}
            consequence="The worker sends it within seconds."
            confirmLabel="Yes, send it again"
            onConfirm={(reason) => resend.mutateAsync({ id, outboxId: o.id, reason })}
          />
        ))}
      </div>

      <h2>Timeline</h2>
      <BookingTimeline entries={timeline} />
    </>
  );
}
