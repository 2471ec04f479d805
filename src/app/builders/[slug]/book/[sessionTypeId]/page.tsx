import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatMoney } from "@/core/money/money";
import { refundPolicySentence } from "@/core/booking/refund-policy-text";
import { bookingConfig } from "@/server/booking-services";
import { findPublicBuilder } from "@/server/seo/public-builder";
import { BookingFlow } from "@/features/booking/components/booking-flow";

// Archiving a type or unpublishing a builder must 404 at once: render per request, as the profile does.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; sessionTypeId: string }> };

/** The builder and the (active) session type, or a real 404: an unknown or archived type is not a page. */
async function findBookable(params: Props["params"]) {
  const { slug, sessionTypeId } = await params;
  const builder = await findPublicBuilder(slug);
  const sessionType = builder?.sessionTypes.find((st) => st.id === sessionTypeId);
  if (!builder || !sessionType) notFound();
  return { builder, sessionType };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { builder, sessionType } = await findBookable(params);
  const price = formatMoney({ amountCents: sessionType.priceCents, currency: sessionType.currency });
  return {
    title: `Book ${sessionType.title} with ${builder.displayName}`,
    description: `${sessionType.durationMinutes} min · ${price}. Pick a time that suits you and book ${sessionType.title} with ${builder.displayName}.`,
  };
}

export default async function BookSessionPage({ params }: Props) {
  const { builder, sessionType } = await findBookable(params);
  return (
    <BookingFlow slug={builder.slug} sessionTypeId={sessionType.id} refundPolicy={refundPolicySentence(bookingConfig().refundPolicy)} />
  );
}
