import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerRules, singleWriterRules } from "./eslint/layers.js";

// Type-checked rules on. no-floating-promises stays an error: payment and webhook code
// depends on every promise being awaited or handled.
export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "dist/",
      "src/generated/",
      "bench/results/",
      "test-results/",
      "playwright-report/",
      ".data/",
      "next-env.d.ts",
      "*.config.js",
      "*.config.mjs",
      "eslint/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Layering: the domain core imports no framework, ORM or SDK.
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "@trpc/*",
                "@prisma/*",
                "@/generated/*",
                "stripe",
                "@sendgrid/*",
                "@/server/*",
                "@/modules/*",
                "@/app/*",
              ],
              message: "src/core is pure domain: no framework, ORM, SDK or outer layer.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/modules/**/*.{ts,tsx}"],
    ignores: ["src/modules/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "@trpc/*", "stripe", "@sendgrid/*", "@/app/*", "@/server/trpc/*", "@/server/providers/*"],
              message: "Use-cases take ports and a transaction; adapters live in src/server.",
            },
          ],
        },
      ],
    },
  },
  {
    // Workspace packages (packages/provider-sandbox, packages/devstack) are linted like src/ and
    // import nothing from the app: only their own files and their declared dependencies. No
    // `../` either, which keeps packages/devstack/src/migrations (bundled into production) from
    // reaching the rest of the dev stack.
    files: ["packages/*/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/|\\.\\./)", message: "A package imports only its own files and its declared dependencies." }] },
      ],
    },
  },
  {
    // Production code (the app, and the entries `npm start` / `npm run worker` bundle) never
    // needs the provider sandboxes or the dev stack (tests, src/testing and the local launchers
    // do), so neither `next build` nor the bundled start can reach them. The one exception is
    // the migration runner, which the production entries apply migrations with.
    files: ["src/app/**/*.{ts,tsx}", "src/server/**/*.ts", "src/*.ts", "scripts/start.ts", "scripts/worker.ts", "scripts/lib/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@booking/(provider-sandbox|devstack(?!/migrations$))(/|$)",
              message:
                "The provider sandboxes and the dev stack are for tests and the local stack only (production may use @booking/devstack/migrations).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and tools handle arbitrary JSON from the wire; production code may not.
    files: ["**/*.test.ts", "e2e/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  // Every import arrow between layers, and one writer per booking transition (eslint/layers.js).
  layerRules,
  singleWriterRules,
);
