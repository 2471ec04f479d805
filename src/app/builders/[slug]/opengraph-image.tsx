import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { priceRangeLabel } from "@/server/seo/price-range";
import { findPublicBuilder } from "@/server/seo/public-builder";

// The link preview of a profile: name, headline and price range, drawn per builder.
export const dynamic = "force-dynamic";
export const alt = "A builder's profile on Builder Bookings";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function ProfileImage({ params }: { params: Promise<{ slug: string }> }) {
  const builder = await findPublicBuilder((await params).slug);
  if (!builder) notFound();
  const prices = priceRangeLabel(builder.sessionTypes);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#f7f7f8",
        color: "#1b1f24",
        fontFamily: "sans-serif",
      }}
    >
      <div style={{ display: "flex", fontSize: 32, color: "#2d5bd7", fontWeight: 700 }}>Builder Bookings</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 76, fontWeight: 700, lineHeight: 1.1 }}>{builder.displayName}</div>
        <div style={{ display: "flex", fontSize: 40, color: "#57606a", marginTop: 24, lineHeight: 1.3 }}>{builder.headline}</div>
      </div>
      <div style={{ display: "flex", fontSize: 36 }}>{prices ? `Sessions: ${prices}` : "Book a session"}</div>
    </div>,
    size,
  );
}
