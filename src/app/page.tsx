import { Suspense } from "react";
import { Marketplace } from "@/features/builders/components/marketplace";
import { Loading } from "@/components/status";

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
