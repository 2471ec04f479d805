import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import { isLive } from "@/core/booking/booking-predicates";
import { rescheduleCutoff, rescheduleRefusal } from "@/core/booking/booking-reschedule";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import type { Actor } from "@/modules/shared/actor";
import type { BookingConfig } from "@/modules/shared/booking-config";
import { relationToBooking, type BookingRelation } from "./booking-access";
import {
  bookingAccessSelect,
  bookingManageSelect,
  bookingViewSelect,
  cancellationPreviewSelect,
  type BookingManageFacts,
  type BookingView,
  type CancellationPreview,
} from "./booking-view";
import { calendlySchedulingLink } from "./calendly-scheduling-link";
import { cancellationPreview } from "./cancellation-preview";
import { manageTokenFor } from "./manage-token";

export type GetBookingOptions = {
  bookingId: string;
  actor: Actor;
  /** With both, the view carries what cancelling now would do for this actor. */
  now?: Date;
  refundPolicy?: RefundPolicy;
  /** With `now` and `refundPolicy`, the view also carries what else the booking page offers (reschedule, Calendly links). */
  links?: Pick<BookingConfig, "manageTokenSecret" | "baseUrl">;
};

export type BookingPageView = BookingView & { cancellation?: CancellationPreview; manage?: BookingManageFacts };

/** Someone without access gets the same answer as for a missing booking: ids are not probeable. */
export async function getBooking(tx: Tx, { bookingId, actor, now, refundPolicy, links }: GetBookingOptions): Promise<BookingPageView> {
  const row = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      ...bookingViewSelect,
      ...bookingAccessSelect,
      ...cancellationPreviewSelect,
      ...bookingManageSelect,
      builder: { select: { ...bookingViewSelect.builder.select, ...bookingAccessSelect.builder.select } },
      sessionType: { select: { ...bookingViewSelect.sessionType.select, ...bookingManageSelect.sessionType.select } },
    },
  });
  const relation = row ? relationToBooking(row, actor) : null;
  if (!row || !relation) throw notFound("Booking");
  const {
    clientId: _clientId,
    manageTokenHash: _hash,
    amountPaidCents,
    builder,
    sessionType,
    calendlyInviteeUri,
    calendlyRescheduleUrl,
    calendlyCancelUrl,
    rescheduledTo,
    ...view
  } = row;
  const { userId: _builderUserId, ...publicBuilder } = builder;
  const { calendlyEventTypeUri, calendlySchedulingUrl, ...publicSessionType } = sessionType;
  const booking = { ...view, builder: publicBuilder, sessionType: publicSessionType };
  if (!now || !refundPolicy) return booking;
  const cancellation = cancellationPreview({ ...view, amountPaidCents }, { relation, now, policy: refundPolicy });
  if (!links) return { ...booking, cancellation };
  const manage = manageFacts(
    {
      ...booking,
      calendlyEventTypeUri,
      calendlySchedulingUrl,
      calendlyInviteeUri,
      calendlyRescheduleUrl,
      calendlyCancelUrl,
      rescheduledTo,
    },
    { relation, now, refundPolicy, links },
  );
  return { ...booking, cancellation, manage };
}

type ManageRow = BookingView & {
  calendlyEventTypeUri: string | null;
  calendlySchedulingUrl: string | null;
  calendlyInviteeUri: string | null;
  calendlyRescheduleUrl: string | null;
  calendlyCancelUrl: string | null;
  rescheduledTo: { id: string; startTime: Date; endTime: Date } | null;
};

function manageFacts(
  b: ManageRow,
  {
    relation,
    now,
    refundPolicy,
    links,
  }: { relation: Exclude<BookingRelation, null>; now: Date; refundPolicy: RefundPolicy; links: NonNullable<GetBookingOptions["links"]> },
): BookingManageFacts {
  const onCalendly = b.calendlyEventTypeUri !== null;
  // Calendly's pages act as the invitee, and the scheduling link books as the client: the client's side only.
  const clientSide = relation === "client" || relation === "token";
  const token = () => manageTokenFor(b.id, links.manageTokenSecret).token;
  const unscheduled = b.status === "PENDING" && b.calendlySchedulingUrl !== null && b.calendlyInviteeUri === null && isLive(b, now);
  const by = relation === "admin" ? "ADMIN" : relation === "builder" ? "BUILDER" : "CLIENT";
  const refusal = rescheduleRefusal({ ...b, onCalendly }, { by, now, policy: refundPolicy });
  return {
    reschedule:
      onCalendly || b.status !== "CONFIRMED"
        ? null
        : {
            allowed: refusal === null,
            refusal: refusal?.message ?? null,
            until: by === "ADMIN" ? null : rescheduleCutoff(b, refundPolicy),
            fullRefundHoursBefore: refundPolicy.fullRefundHoursBefore,
          },
    calendly:
      onCalendly && clientSide
        ? {
            rescheduleUrl: b.status === "CONFIRMED" ? webUrl(b.calendlyRescheduleUrl) : null,
            cancelUrl: b.status === "CANCELLED" ? null : webUrl(b.calendlyCancelUrl),
            continueUrl:
              unscheduled && b.calendlySchedulingUrl
                ? calendlySchedulingLink(b.calendlySchedulingUrl, b, { manageToken: token(), baseUrl: links.baseUrl })
                : null,
          }
        : null,
    movedTo: b.rescheduledTo
      ? {
          ...b.rescheduledTo,
          manageToken: relation === "token" ? manageTokenFor(b.rescheduledTo.id, links.manageTokenSecret).token : null,
        }
      : null,
  };
}

/** A stored provider link, offered only as an http(s) address: it becomes an href on the page. */
function webUrl(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:" ? value : null;
}
