// The demo data as the local stack's seed (`npm run dev`, `npm run start:local`, the e2e
// server): `startLocalStack({ appPort, ...localDemo })`.
import type { LocalStackOptions } from "@booking/devstack";
import { getDb } from "../../src/server/db/client";
import { demoCalendlyEventTypes } from "./demo-data";
import { mapDemoCalendlyTypes } from "./map-demo-calendly-types";
import { seedDemoData } from "./seed-demo-data";

export const localDemo = {
  calendlyEventTypes: demoCalendlyEventTypes,
  async seed({ calendlyEventTypes, log }) {
    const db = getDb();
    try {
      const { seeded } = await seedDemoData(db);
      if (seeded) log("demo data seeded (accounts in the README)");
      if (calendlyEventTypes.length) await mapDemoCalendlyTypes(db, calendlyEventTypes);
    } finally {
      await db.$disconnect();
    }
  },
} satisfies Pick<LocalStackOptions, "calendlyEventTypes" | "seed">;
