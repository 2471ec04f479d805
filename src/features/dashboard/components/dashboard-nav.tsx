"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const DASHBOARD_SECTIONS = [
  { href: "/dashboard", label: "Bookings" },
  { href: "/dashboard/session-types", label: "Session types" },
  { href: "/dashboard/availability", label: "Availability" },
  { href: "/dashboard/profile", label: "Profile" },
] as const;

/** The dashboard's sections; the current one is marked for assistive technology too. */
export function DashboardNav() {
  const pathname = usePathname();
  // The profile preview belongs to Profile; everything else matches exactly.
  const current = DASHBOARD_SECTIONS.findLast((s) => pathname === s.href || (s.href !== "/dashboard" && pathname.startsWith(`${s.href}/`)));
  return (
    <nav aria-label="Dashboard sections" className="dashboard-nav">
      <ul>
        {DASHBOARD_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={section === current ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
