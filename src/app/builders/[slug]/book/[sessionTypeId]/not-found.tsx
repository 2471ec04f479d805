import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/not-found-notice";

export const metadata: Metadata = { title: "Session not found", robots: { index: false } };

export default function SessionNotFound() {
  return (
    <NotFoundNotice title="Session not found">
      <p>This session cannot be booked: it may have been archived, or the link may be wrong.</p>
    </NotFoundNotice>
  );
}
