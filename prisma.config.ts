// The Prisma CLI downloads a native schema engine for every command; offline that fails.
// A failing binary lets generate/validate/format work; migrations run through the wasm engine (scripts/db).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
