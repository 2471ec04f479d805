import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getEnv } from "@/server/env";
import { TRPCReactProvider } from "@/trpc/react-provider";
import { SiteHeader } from "@/features/navigation/components/site-header";
import "./globals.css";

const siteName = "Builder Bookings";
const siteDescription = "Find builders and book consulting sessions.";

// Per request, not at build time: absolute URLs (canonical, og:image) come from the
// configured NEXT_PUBLIC_BASE_URL, which the build does not know (and the CSP nonce makes
// every page dynamic anyway).
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return {
    metadataBase: new URL(getEnv().NEXT_PUBLIC_BASE_URL),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: siteDescription,
    applicationName: siteName,
    manifest: "/manifest.webmanifest",
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    openGraph: {
      type: "website",
      siteName,
      title: siteName,
      description: siteDescription,
      images: [{ url: "/og-default.png", width: 1200, height: 630, alt: siteName }],
    },
    twitter: { card: "summary_large_image" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#2d5bd7",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <TRPCReactProvider>
          <SiteHeader />
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
        </TRPCReactProvider>
        <footer className="site-footer">
          <p className="container muted small">Builder Bookings — book time with independent builders.</p>
        </footer>
      </body>
    </html>
  );
}
