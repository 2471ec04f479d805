import type { PrismaClient } from "../src/generated/prisma/client";
import { getAuth } from "../src/server/auth/auth";

// Demo data for a newcomer's first run. Only seeds an empty database (no users), so it
// never touches real data, and never under NODE_ENV=production. The four demo accounts are
// listed in the README.

export const DEMO_PASSWORD = "demo-password-1";

export const demoAccounts = [
  { email: "client@demo.test", name: "Casey Client", role: "CLIENT" },
  { email: "ada@demo.test", name: "Ada Builder", role: "BUILDER" },
  { email: "grace@demo.test", name: "Grace Builder", role: "BUILDER" },
  { email: "admin@demo.test", name: "Alex Admin", role: "ADMIN" },
] as const;

type DemoBuilder = {
  slug: string;
  displayName: string;
  headline: string;
  tags: string[];
  timeZone: string;
  types: [string, number, number][];
};

const builders: DemoBuilder[] = [
  {
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

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

async function ensureAccount(db: PrismaClient, account: (typeof demoAccounts)[number]): Promise<string> {
  const result = await getAuth().api.signUpEmail({ body: { email: account.email, password: DEMO_PASSWORD, name: account.name } });
  await db.user.update({ where: { id: result.user.id }, data: { role: account.role, emailVerified: true } });
  return result.user.id;
}

/** Demo accounts share a published password: a production process must never create them. */
export function assertDemoSeedingAllowed(nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv === "production") {
    throw new Error(
      "Refusing to seed demo data with NODE_ENV=production: the demo accounts (admin@demo.test...) share a published password. " +
        "Demo data is for local databases (npm run dev, npm run db:seed without NODE_ENV=production).",
    );
  }
}

export async function seedDemoData(db: PrismaClient): Promise<{ seeded: boolean }> {
  assertDemoSeedingAllowed();
  if ((await db.user.count()) > 0) return { seeded: false };
  const ids = new Map<string, string>();
  for (const account of demoAccounts) ids.set(account.email, await ensureAccount(db, account));

  for (const [index, b] of builders.entries()) {
    const loginEmail = index === 0 ? "ada@demo.test" : index === 1 ? "grace@demo.test" : null;
    const userId =
      (loginEmail && ids.get(loginEmail)) ||
      (await db.user.create({ data: { id: `demo-${b.slug}`, name: b.displayName, email: `${b.slug}@demo.test`, role: "BUILDER" } })).id;
    await db.builderProfile.create({
      data: {
        userId,
        slug: b.slug,
        displayName: b.displayName,
        headline: b.headline,
        bio: `${b.displayName} helps teams with ${b.tags.join(" and ")}. Sessions are practical: bring your code or your question.`,
        tags: b.tags,
        timeZone: b.timeZone,
        published: true,
        minimumNoticeMinutes: 60,
        bookingWindowDays: 60,
        availabilityRules: { create: weekdays },
        sessionTypes: {
          create: b.types.map(([title, durationMinutes, priceCents]) => ({
            title,
            slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
            description: `${durationMinutes} minutes with ${b.displayName}.`,
            durationMinutes,
            priceCents,
            currency: "usd",
          })),
        },
      },
    });
  }
  return { seeded: true };
}
