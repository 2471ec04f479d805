"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { formatMoney } from "@/core/money/money";
import { guestDetailsForm, type GuestDetailsFormValues } from "@/core/validation/booking";
import { TextField } from "@/components/form-fields";
import { getAppCode, getErrorMessage, isSlotTaken } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";
import { signInHref } from "@/lib/safe-next";
import { useViewerLocale } from "@/lib/use-viewer-zone";
import { useTRPC } from "@/trpc/client";
import type { PublicSessionType, Viewer } from "@/trpc/types";
import { formatViewerTimeRange } from "../viewer-time";
import type { Slot } from "./week-slot-picker";

type Props = {
  sessionType: PublicSessionType;
  slot: Slot;
  zone: string;
  viewer: Viewer | undefined;
  /** What the guest typed before, e.g. before their first choice of time was taken. */
  draft: GuestDetailsFormValues | null;
  /** The refund policy, for a paid session. */
  refundPolicy: string | undefined;
  onChangeTime: () => void;
  /** The time was taken meanwhile; hands back what the guest typed so it survives. */
  onSlotTaken: (typed: GuestDetailsFormValues | null) => void;
};

export function BookingDetailsForm({ sessionType, slot, zone, viewer, draft, refundPolicy, onChangeTime, onSlotTaken }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const locale = useViewerLocale();
  const form = useForm<GuestDetailsFormValues, unknown, GuestDetailsFormValues>({
    resolver: zodResolver(guestDetailsForm),
    defaultValues: draft ?? { clientName: "", clientEmail: "" },
  });
  const { errors } = form.formState;
  const create = useMutation(trpc.booking.create.mutationOptions());
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const isPaid = sessionType.priceCents > 0;
  const signedIn = Boolean(viewer);
  const needsSignIn = (isPaid && !signedIn) || getAppCode(create.error) === "UNAUTHORIZED";

  function book(guest?: GuestDetailsFormValues) {
    create.mutate(
      { sessionTypeId: sessionType.id, startTime: slot.start, clientTimeZone: zone, ...guest },
      {
        onSuccess: (result) => {
          if (result.next.kind !== "confirmed") {
            window.location.assign(result.next.url);
            return;
          }
          const token = result.manageToken ? `?token=${encodeURIComponent(result.manageToken)}` : "";
          router.push(`/bookings/${encodeURIComponent(result.booking.id)}${token}`);
        },
        onError: (error) => {
          if (isSlotTaken(error)) onSlotTaken(viewer ? null : form.getValues());
          else showServerErrors(form.setError, error);
        },
      },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // A signed-in client books under the account; only a guest's details are checked here.
    if (!signedIn) return void form.handleSubmit((guest) => book(guest))(event);
    event.preventDefault();
    book();
  }

  const redirecting = create.isSuccess;

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading" ref={headingRef} tabIndex={-1}>
        Your details
      </h2>
      <p>
        <strong>{sessionType.title}</strong> · {formatMoney({ amountCents: sessionType.priceCents, currency: sessionType.currency })}
        <br />
        {formatViewerTimeRange(slot.start, slot.end, zone, locale)} <span className="muted">({zone.replaceAll("_", " ")})</span>
      </p>
      <button type="button" className="button button-link" onClick={onChangeTime}>
        Change time
      </button>

      {needsSignIn && !signedIn ? (
        <div className="notice notice-warning" role="status">
          <p>Paid sessions require an account so we can send your receipt.</p>
          {/* The chosen time and step ride along in the query string, so sign-in comes back here. */}
          <Link className="button" href={signInHref(searchParams.size > 0 ? `${pathname}?${searchParams.toString()}` : pathname)}>
            Sign in to book a paid session
          </Link>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          {viewer ? (
            <p className="booking-as">
              Booking as <strong>{viewer.name}</strong> ({viewer.email})
            </p>
          ) : (
            <>
              <TextField
                label="Your name"
                autoComplete="name"
                required
                error={errors.clientName?.message}
                {...form.register("clientName")}
              />
              <TextField
                label="Your email"
                type="email"
                autoComplete="email"
                required
                error={errors.clientEmail?.message}
                {...form.register("clientEmail")}
              />
            </>
          )}
          <div aria-live="assertive">
            {create.isError && !isSlotTaken(create.error) ? (
              <p className="notice notice-error" role="alert">
                {getErrorMessage(create.error)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={create.isPending || redirecting}>
            {create.isPending ? "Booking…" : redirecting ? "Redirecting…" : "Confirm booking"}
          </button>
          {isPaid ? <p className="muted small">You will complete payment after confirming.</p> : null}
          {refundPolicy ? (
            <p className="muted small" data-testid="refund-policy">
              {refundPolicy}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
