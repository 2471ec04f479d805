import boundaries from "eslint-plugin-boundaries";

// The layer rules (docs/decisions/0014-layers-enforced.md), checked by eslint-plugin-boundaries
// on every import, export and dynamic import. Anything not allowed here is an error.
//
//   app (routing) -> server (adapters) -> modules (use-cases) -> core (pure domain)
//   app -> features (UI) -> components, lib, trpc (client) -> core
//
// Client code (features, components, lib, trpc) never imports server code; the tRPC client
// may import the router's TYPE only. Workspace packages are reached through their package
// names (@booking/…), never by path, and src never imports scripts/.

/** First match wins: tests and the test kit are classified by folder like everything else. */
const elements = [
  { type: "generated", pattern: "src/generated/**", partialMatch: false },
  { type: "testing", pattern: "src/testing/**", partialMatch: false },
  { type: "core", pattern: "src/core/**", partialMatch: false },
  { type: "modules", pattern: "src/modules/**", partialMatch: false },
  { type: "server", pattern: "src/server/**", partialMatch: false },
  { type: "app", pattern: "src/app/**", partialMatch: false },
  { type: "features", pattern: "src/features/**", partialMatch: false },
  { type: "components", pattern: "src/components/**", partialMatch: false },
  { type: "lib", pattern: "src/lib/**", partialMatch: false },
  { type: "trpc-client", pattern: "src/trpc/**", partialMatch: false },
  // What is left in src: framework entry points at its root (src/proxy.ts).
  { type: "entry", pattern: "src/**", partialMatch: false },
  { type: "package", pattern: "packages/*/**", partialMatch: false, capture: ["name"] },
  { type: "scripts", pattern: "scripts/**", partialMatch: false },
  { type: "bench", pattern: "bench/**", partialMatch: false },
  { type: "e2e", pattern: "e2e/**", partialMatch: false },
];

const CLIENT = ["features", "components", "lib", "trpc-client"];

/** Which element types each element type may import (its own included). */
const allowed = {
  core: ["core"],
  modules: ["modules", "core", "generated"],
  server: ["server", "modules", "core", "generated"],
  entry: ["server", "core"],
  app: ["app", "server", "core", ...CLIENT],
  features: ["features", "components", "lib", "trpc-client", "core"],
  components: ["components", "lib", "core"],
  lib: ["lib", "core"],
  "trpc-client": ["trpc-client", "lib", "core"],
  generated: ["generated"],
  testing: ["testing", "server", "modules", "core", "generated", "app"],
  scripts: ["scripts", "server", "modules", "core", "generated", "testing"],
  bench: ["bench", "server", "modules", "core", "generated", "testing", "scripts"],
  e2e: ["e2e", "testing", "core", "modules", "server", "generated"],
};

/** Element types that may use a workspace package, by its package name only. */
const packageUsers = ["testing", "scripts", "bench", "e2e", "package"];

const type = (...types) => ({ element: { type: types } });

export const layerRules = {
  files: ["src/**/*.{ts,tsx}", "packages/*/src/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "e2e/**/*.ts"],
  plugins: { boundaries },
  settings: {
    "boundaries/elements": elements,
    "boundaries/files": [{ category: "test", pattern: ["**/*.test.ts", "**/*.test.tsx"] }],
    "import/resolver": { typescript: { alwaysTryTypes: true, project: "tsconfig.json" } },
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        policies: [
          ...Object.entries(allowed).map(([from, to]) => ({ from: type(from), allow: { to: type(...to) } })),
          // The tRPC client needs the router's type, never its code.
          { from: type("trpc-client"), allow: { to: type("server"), dependency: { kind: "type" } } },
          // A package imports only itself; the others reach it by name (its exports), not by path.
          { from: type("package"), allow: { to: { element: { type: "package", captured: { name: "{{from.captured.name}}" } } } } },
          { from: type("package"), allow: { to: type("package"), dependency: { source: "@booking/**" } } },
          {
            from: type(...packageUsers.filter((t) => t !== "package")),
            allow: { to: type("package"), dependency: { source: "@booking/**" } },
          },
          // A test may drive the layer above its own (a route handler, a router) and use the test kit.
          { from: { file: { categories: "test" } }, allow: { to: type("testing", "app", "server", "modules", "core", "generated") } },
          { from: { file: { categories: "test" } }, allow: { to: type("package"), dependency: { source: "@booking/**" } } },
        ],
      },
    ],
  },
};

// One writer per transition (docs/decisions/0016-one-booking-lifecycle.md): only the lifecycle
// writers set a booking's status or payment status, through Prisma or raw SQL.
const BOOKING_WRITE =
  "CallExpression[callee.object.property.name='booking'][callee.property.name=/^(create|createMany|update|updateMany|updateManyAndReturn|upsert)$/]";
export const singleWriterRules = {
  files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts"],
  ignores: ["src/modules/bookings/lifecycle/**", "src/testing/**", "**/*.test.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector: `${BOOKING_WRITE} Property[key.name=/^(data|create|update)$/] > ObjectExpression > Property[key.name=/^(status|paymentStatus)$/]`,
        message: "Booking status and payment status change only in src/modules/bookings/lifecycle (one writer per transition).",
      },
      {
        selector: 'TemplateElement[value.raw=/UPDATE\\s+"Booking"/i], Literal[value=/UPDATE\\s+"Booking"/i]',
        message: "Booking rows change only in src/modules/bookings/lifecycle (one writer per transition).",
      },
    ],
  },
};
