import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/not-found-notice";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <NotFoundNotice title="Page not found">
      <p>We couldn&apos;t find the page you were looking for.</p>
    </NotFoundNotice>
  );
}
