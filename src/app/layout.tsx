import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react-provider";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Builder Bookings", template: "%s · Builder Bookings" },
  description: "Find builders and book consulting sessions.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
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
