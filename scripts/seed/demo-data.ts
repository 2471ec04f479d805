// The demo data a newcomer's first run gets (accounts listed in the README): data only, written
// by seed-demo-data.ts through the app's own use-cases.

export const DEMO_PASSWORD = "demo-password-1";

/** Accounts that sign in with DEMO_PASSWORD. Ada and Grace become builders below, as any user does. */
export const demoAccounts: { email: string; name: string; admin?: boolean }[] = [
  { email: "client@demo.test", name: "Casey Client" },
  { email: "ada@demo.test", name: "Ada Builder" },
  { email: "grace@demo.test", name: "Grace Builder" },
  { email: "admin@demo.test", name: "Alex Admin", admin: true },
];

type DemoBuilder = {
  /** The demo account that signs in as this builder; the others have no password. */
  loginEmail?: string;
  slug: string;
  displayName: string;
  headline: string;
  tags: string[];
  timeZone: string;
  /** [title, minutes, price in cents] */
  types: [string, number, number][];
  /** Weekly hours in the builder's zone; demoWeeklyRules when absent. */
  weeklyRules?: { weekday: number; startMinute: number; endMinute: number }[];
};

function everyDay(startMinute: number, endMinute: number): DemoBuilder["weeklyRules"] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute }));
}

export const demoBuilders: DemoBuilder[] = [
  {
    loginEmail: "ada@demo.test",
    slug: "ada-lovelace",
    displayName: "Ada Lovelace",
    headline: "Algorithms and analytical engines",
    tags: ["algorithms", "typescript"],
    timeZone: "Europe/London",
    types: [
      ["Intro call", 30, 0],
      ["Architecture review", 60, 15000],
    ],
  },
  {
    loginEmail: "grace@demo.test",
    slug: "grace-hopper",
    displayName: "Grace Hopper",
    headline: "Compilers, COBOL and shipping",
    tags: ["compilers", "mentoring"],
    timeZone: "America/New_York",
    types: [
      ["Office hours", 30, 0],
      ["Code review", 60, 9900],
    ],
  },
  {
    slug: "linus-t",
    displayName: "Linus T.",
    headline: "Kernel and git workflows",
    tags: ["linux", "git"],
    timeZone: "Europe/Helsinki",
    types: [["Git rescue", 45, 7500]],
  },
  {
    slug: "margaret-h",
    displayName: "Margaret Hamilton",
    headline: "Reliable software for critical systems",
    tags: ["reliability", "testing"],
    timeZone: "America/Chicago",
    types: [
      ["Testing strategy", 60, 12000],
      ["Quick question", 15, 0],
    ],
  },
  {
    slug: "tim-bl",
    displayName: "Tim Berners-Lee",
    headline: "The web, standards and APIs",
    tags: ["web", "apis"],
    timeZone: "Europe/Paris",
    types: [["API design", 60, 11000]],
  },
  {
    slug: "radia-p",
    displayName: "Radia Perlman",
    headline: "Networks that heal themselves",
    tags: ["networking", "distributed-systems"],
    timeZone: "America/Los_Angeles",
    types: [
      ["Network design", 60, 13000],
      ["Intro call", 20, 0],
    ],
  },
  {
    slug: "anders-h",
    displayName: "Anders Hejlsberg",
    headline: "Type systems for real codebases",
    tags: ["typescript", "languages"],
    timeZone: "Europe/Copenhagen",
    types: [["TypeScript migration", 90, 20000]],
  },
  {
    slug: "sophie-w",
    displayName: "Sophie Wilson",
    headline: "Instruction sets and performance",
    tags: ["performance", "hardware"],
    timeZone: "Europe/London",
    types: [["Performance audit", 60, 14000]],
    // Every day 06:00-22:00: whatever the day and hour a test runs, she has a paid time within
    // the next 24 hours (the late-cancellation journeys need one, weekends included).
    weeklyRules: everyDay(6 * 60, 22 * 60),
  },
  {
    slug: "kathmandu-dev",
    displayName: "Sita Gurung",
    headline: "Mobile apps for emerging markets",
    tags: ["mobile", "react-native"],
    timeZone: "Asia/Kathmandu",
    types: [
      ["App review", 45, 6000],
      ["Intro call", 30, 0],
    ],
  },
  {
    slug: "st-johns-dev",
    displayName: "Moira O'Brien",
    headline: "Data pipelines that do not wake you up",
    tags: ["data", "postgres"],
    timeZone: "America/St_Johns",
    types: [["Pipeline review", 60, 10000]],
  },
  {
    slug: "kenji-s",
    displayName: "Kenji Sato",
    headline: "Rust services in production",
    tags: ["rust", "backend"],
    timeZone: "Asia/Tokyo",
    types: [["Rust pairing", 60, 12500]],
  },
  {
    slug: "amara-o",
    displayName: "Amara Okafor",
    headline: "Product strategy for technical founders",
    tags: ["product", "mentoring"],
    timeZone: "Africa/Lagos",
    types: [
      ["Founder session", 45, 8000],
      ["Intro call", 15, 0],
    ],
  },
  {
    slug: "lucia-m",
    displayName: "Lucía Martínez",
    headline: "Accessible interfaces",
    tags: ["accessibility", "web"],
    timeZone: "America/Mexico_City",
    types: [["A11y audit", 60, 9000]],
  },
  {
    slug: "priya-n",
    displayName: "Priya Nair",
    headline: "Machine learning without the hype",
    tags: ["ml", "python"],
    timeZone: "Asia/Kolkata",
    types: [["ML feasibility", 60, 15000]],
  },
];

/** Weekdays 09:00-17:00 in each builder's own zone. */
export const demoWeeklyRules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

// Grace Hopper's two session types are scheduled through (sandbox) Calendly, to show that flow.
// Her event types belong to her own Calendly user, a member of the platform's organization
// (the sandbox adds it from ownerEmail, as an accepted invitation would).
export const demoCalendlyEventTypes = [
  { name: "Office hours", slug: "grace-office-hours", durationMinutes: 30, ownerEmail: "grace@demo.test", ownerName: "Grace Hopper" },
  { name: "Code review", slug: "grace-code-review", durationMinutes: 60, ownerEmail: "grace@demo.test", ownerName: "Grace Hopper" },
];

/** Which session type (by builder and session type slug) each sandbox event type maps to. */
export const demoCalendlyMappings = [
  { builderSlug: "grace-hopper", sessionTypeSlug: "office-hours", eventTypeSlug: "grace-office-hours" },
  { builderSlug: "grace-hopper", sessionTypeSlug: "code-review", eventTypeSlug: "grace-code-review" },
];

/**
 * Where Calendly sends a client once a paid time is scheduled ("redirect to an external site",
 * event details passed along): our page that opens Checkout at once. docs/decisions/0026.
 */
export const CALENDLY_SCHEDULED_PATH = "/bookings/calendly/scheduled";
