"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import { BOOKING_STATUSES, PAYMENT_STATUSES } from "@/core/booking/booking-lifecycle";
import type { ListAdminBookingsInput } from "@/core/validation/admin-bookings";
import { FilterSelect, optionsOf } from "@/features/admin/components/filter-select";
import { useTRPC } from "@/trpc/client";
import { formatWhen } from "../../components/format-when";
import { formatMoney, humanize } from "./booking-labels";
import { Pager } from "./pager";

export type BookingFilter = Omit<ListAdminBookingsInput, "page"> & { page: number };

export function bookingsHref(filter: BookingFilter): string {
  const query = new URLSearchParams();
  for (const key of ["status", "paymentStatus", "builder", "clientEmail", "from", "to"] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (filter.needsAttention !== undefined) query.set("needsAttention", filter.needsAttention ? "yes" : "no");
  if (filter.page > 1) query.set("page", String(filter.page));
  const qs = query.toString();
  return qs ? `/admin/bookings?${qs}` : "/admin/bookings";
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** The console's booking search: filters in the address (shareable), one page at a time. */
export function BookingsSearch({ filter }: { filter: BookingFilter }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const list = useQuery(trpc.admin.bookings.list.queryOptions(filter));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const attention = text(form, "needsAttention");
    router.push(
      bookingsHref({
        page: 1,
        status: text(form, "status") as BookingFilter["status"],
        paymentStatus: text(form, "paymentStatus") as BookingFilter["paymentStatus"],
        needsAttention: attention === undefined ? undefined : attention === "yes",
        builder: text(form, "builder"),
        clientEmail: text(form, "clientEmail"),
        from: text(form, "from"),
        to: text(form, "to"),
      }),
    );
  };

  return (
    <section aria-label="Bookings">
      <form className="admin-filters" onSubmit={onSubmit} role="search" aria-label="Filter bookings">
        <FilterSelect
          label="Status"
          id={`${id}-status`}
          name="status"
          options={optionsOf(BOOKING_STATUSES, humanize)}
          defaultValue={filter.status ?? ""}
        />
        <FilterSelect
          label="Payment"
          id={`${id}-payment`}
          name="paymentStatus"
          options={optionsOf(PAYMENT_STATUSES, humanize)}
          defaultValue={filter.paymentStatus ?? ""}
        />
        <div className="field">
          <label htmlFor={`${id}-attention`}>Needs attention</label>
          <select
            id={`${id}-attention`}
            name="needsAttention"
            defaultValue={filter.needsAttention === undefined ? "" : filter.needsAttention ? "yes" : "no"}
          >
            <option value="">Any</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-builder`}>Builder</label>
          <input id={`${id}-builder`} name="builder" defaultValue={filter.builder ?? ""} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Client email</label>
          <input id={`${id}-email`} name="clientEmail" defaultValue={filter.clientEmail ?? ""} maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Starts from (UTC)</label>
          <input id={`${id}-from`} name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Starts until (UTC)</label>
          <input id={`${id}-to`} name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Search
          </button>
          <Link href="/admin/bookings" className="button button-secondary">
            Clear
          </Link>
        </div>
      </form>

      {list.isPending ? (
        <Loading label="Loading bookings…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} title="Could not load the bookings" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">No bookings match these filters.</p>
      ) : (
        <>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Bookings, latest start first</caption>
              <thead>
                <tr>
                  <th scope="col">Starts</th>
                  <th scope="col">Client</th>
                  <th scope="col">Builder and session</th>
                  <th scope="col">Status</th>
                  <th scope="col">Payment</th>
                  <th scope="col">Price</th>
                  <th scope="col">Attention</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((b) => (
                  <tr key={b.id} data-booking-id={b.id}>
                    <td>
                      <Link href={`/admin/bookings/${b.id}`}>{formatWhen(b.startTime)}</Link>
                    </td>
                    <td>
                      {b.clientName}
                      <span className="muted small admin-error-line">{b.clientEmail}</span>
                    </td>
                    <td>
                      {b.builderName}
                      <span className="muted small admin-error-line">{b.sessionTitle}</span>
                    </td>
                    <td>{humanize(b.status)}</td>
                    <td>{humanize(b.paymentStatus)}</td>
                    <td>{formatMoney(b.priceCents, b.currency)}</td>
                    <td>{b.attentionReason ? <span className="admin-status admin-status-failed">{b.attentionReason}</span> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager {...list.data} noun="bookings" hrefFor={(page) => bookingsHref({ ...filter, page })} />
        </>
      )}
    </section>
  );
}
