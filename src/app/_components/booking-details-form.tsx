"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { PublicSessionType, Viewer } from "@/trpc/types";
import { getAppCode, getErrorMessage, getFieldErrors, isSlotTaken } from "../_lib/errors";
import { formatPrice } from "../_lib/money";
import { signInHref } from "../_lib/safe-next";
import { formatTimeRange } from "../_lib/time";
import { TextField } from "./form-fields";
import type { Slot } from "./week-slot-picker";

type Props = {
  sessionType: PublicSessionType;
  slot: Slot;
  zone: string;
  viewer: Viewer | undefined;
  onChangeTime: () => void;
  onSlotTaken: () => void;
};

export function BookingDetailsForm({ sessionType, slot, zone, viewer, onChangeTime, onSlotTaken }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [localErrors, setLocalErrors] = useState<{ clientName?: string; clientEmail?: string }>({});
  const create = useMutation(trpc.booking.create.mutationOptions());
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const isPaid = sessionType.priceCents > 0;
  const signedIn = Boolean(viewer);
  const serverFieldErrors = getFieldErrors(create.error);
  const needsSignIn = (isPaid && !signedIn) || getAppCode(create.error) === "UNAUTHORIZED";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!signedIn) {
      const errors: typeof localErrors = {};
      if (!name.trim()) errors.clientName = "Enter your name.";
      if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.clientEmail = "Enter a valid email address.";
      setLocalErrors(errors);
      if (Object.keys(errors).length > 0) return;
    }
    create.mutate(
      {
        sessionTypeId: sessionType.id,
        startTime: slot.start,
        ...(signedIn ? {} : { clientName: name.trim(), clientEmail: email.trim() }),
      },
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
          if (isSlotTaken(error)) onSlotTaken();
        },
      },
    );
  }

  const redirecting = create.isSuccess;

  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading" ref={headingRef} tabIndex={-1}>
        Your details
      </h2>
      <p>
        <strong>{sessionType.title}</strong> · {formatPrice(sessionType.priceCents, sessionType.currency)}
        <br />
        {formatTimeRange(slot.start, slot.end, zone)} <span className="muted">({zone.replaceAll("_", " ")})</span>
      </p>
      <button type="button" className="button button-link" onClick={onChangeTime}>
        Change time
      </button>

      {needsSignIn && !signedIn ? (
        <div className="notice notice-warning" role="status">
          <p>Paid sessions require an account so we can send your receipt.</p>
          <Link className="button" href={signInHref(pathname)}>
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
                name="clientName"
                autoComplete="name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={localErrors.clientName ?? serverFieldErrors.clientName}
              />
              <TextField
                label="Your email"
                type="email"
                name="clientEmail"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={localErrors.clientEmail ?? serverFieldErrors.clientEmail}
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
        </form>
      )}
    </section>
  );
}
