import type { Metadata } from "next";
import { BookingManage, type CheckoutReturn } from "@/features/booking/components/booking-manage";

export const metadata: Metadata = { title: "Your booking", robots: { index: false } };

function checkoutReturn(value: string | string[] | undefined): CheckoutReturn {
  return value === "success" || value === "cancelled" ? value : undefined;
}

export default async function BookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const token = typeof query.token === "string" && query.token !== "" ? query.token : undefined;
  return <BookingManage id={id} token={token} checkout={checkoutReturn(query.checkout)} />;
}
