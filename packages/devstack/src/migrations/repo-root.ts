import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The workspace root this package sits in (<root>/packages/devstack/src/migrations): where
 * prisma/ and .data/ are. Bundled into dist/ by the production build it points nowhere useful,
 * which is why the production entries pass their own root.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
