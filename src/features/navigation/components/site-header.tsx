"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { useTRPC } from "@/trpc/client";

function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link href={href} className="nav-link" aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function SiteHeader() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const me = useQuery(trpc.viewer.me.queryOptions());
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
      await queryClient.resetQueries();
      router.push("/");
    } finally {
      setSigningOut(false);
    }
  }

  const viewer = me.data;
  const isBuilder = viewer ? viewer.role === "BUILDER" || viewer.builderSlug !== null : false;
  const isAdmin = viewer?.role === "ADMIN";
  const onAuthPage = pathname === "/sign-in" || pathname === "/sign-up";

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Builder Bookings
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink href="/">Marketplace</NavLink>
            </li>
            {viewer ? (
              <li>
                <NavLink href="/bookings">My bookings</NavLink>
              </li>
            ) : null}
            {/* An admin operates the marketplace; becoming a builder is not offered to them. */}
            {viewer && (isBuilder || !isAdmin) ? (
              <li>
                <NavLink href="/dashboard">{isBuilder ? "Dashboard" : "Become a builder"}</NavLink>
              </li>
            ) : null}
            {isAdmin ? (
              <li>
                <NavLink href="/admin">Operator console</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account" aria-live="polite">
          {me.isPending ? (
            <span className="muted">…</span>
          ) : viewer ? (
            <>
              <span className="account-name">
                Signed in as <strong>{viewer.name}</strong>
              </span>
              <button type="button" className="button button-secondary" onClick={signOut} disabled={signingOut}>
                {signingOut ? "Signing out…" : "Sign out"}
              </button>
            </>
          ) : onAuthPage ? null : (
            <>
              <Link className="button button-secondary" href={`/sign-in?next=${encodeURIComponent(pathname)}`}>
                Sign in
              </Link>
              <Link className="button" href={`/sign-up?next=${encodeURIComponent(pathname)}`}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
