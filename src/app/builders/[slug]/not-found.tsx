import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/not-found-notice";

export const metadata: Metadata = { title: "Builder not found", robots: { index: false } };

export default function BuilderNotFound() {
  return <NotFoundNotice title="Builder not found" />;
}
