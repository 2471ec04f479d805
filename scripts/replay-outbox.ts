// `npm run outbox:replay -- <OutboxMessage id | --all-failed>`: puts FAILED side effects
// (emails, refunds, Calendly cancellations) back to PENDING; the running workers' sweep
// sends them within a minute. Safe: each row can still only be sent once.
import { getDb } from "../src/server/db/client";

const arg = process.argv[2];
if (!arg) {
  console.error("usage: npm run outbox:replay -- <outbox message id | --all-failed>");
  process.exit(2);
}
const db = getDb();
const { count } = await db.outboxMessage.updateMany({
  where: arg === "--all-failed" ? { status: "FAILED" } : { id: arg, status: "FAILED" },
  data: { status: "PENDING", lastError: null },
});
console.log(`${count} outbox message(s) requeued`);
await db.$disconnect();
