// Test-only side-effect module: import it FIRST in core test files. A +05:45 process
// zone makes any accidental host-local time (Date#getHours, luxon's default zone,
// new Date(y, m, d)) produce visibly wrong instants instead of passing by luck on a
// UTC CI box. Restored after the file so other suites in the worker are unaffected.
import { afterAll } from "vitest";

const previous = process.env.TZ;
process.env.TZ = "Asia/Kathmandu";

afterAll(() => {
  if (previous === undefined) delete process.env.TZ;
  else process.env.TZ = previous;
});
