import type { Metadata } from "next";
import { Suspense } from "react";
import { Marketplace } from "@/features/builders/components/marketplace";
import { Loading } from "@/components/status";

export const metadata: Metadata = {
  // The layout's title template applies to nested segments only, not to its own page.
  title: { absolute: "Find a builder · Builder Bookings" },
  description: "Browse independent software builders by skill and price, and book a consulting session at a time that suits you.",
  alternates: { canonical: "/" },
};

export default function HomePage() {
  return (
    <>
      <h1>Find a builder</h1>
      <p className="lead">Browse independent builders and book a session that fits your schedule.</p>
      <Suspense fallback={<Loading label="Loading marketplace…" />}>
        <Marketplace />
      </Suspense>
    </>
  );
}
