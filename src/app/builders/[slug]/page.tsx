import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { refundPolicySentence } from "@/core/booking/refund-policy-text";
import { bookingConfig } from "@/server/booking-services";
import { getEnv } from "@/server/env";
import { builderStructuredData, jsonLdScriptContent, profileUrl } from "@/server/seo/builder-structured-data";
import { findPublicBuilder } from "@/server/seo/public-builder";
import { BuilderProfile } from "@/features/builders/components/builder-profile";

// Profiles change whenever their builder edits them: render per request, never from a build-time cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const builder = await findPublicBuilder((await params).slug);
  if (!builder) notFound();
  const url = profileUrl(getEnv().NEXT_PUBLIC_BASE_URL, builder.slug);
  const description = builder.headline;
  return {
    title: builder.displayName,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", title: builder.displayName, description, url },
    twitter: { card: "summary_large_image", title: builder.displayName, description },
  };
}

export default async function BuilderPage({ params }: Props) {
  const builder = await findPublicBuilder((await params).slug);
  if (!builder) notFound();
  const structuredData = builderStructuredData(builder, getEnv().NEXT_PUBLIC_BASE_URL);
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(structuredData) }} />
      <BuilderProfile builder={builder} refundPolicy={refundPolicySentence(bookingConfig().refundPolicy)} />
    </>
  );
}
