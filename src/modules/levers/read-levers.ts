import type { LeverName } from "@/generated/prisma/client";
import type { Tx } from "@/modules/shared/tx";

export type { LeverName };
export type LeverValues = Record<LeverName, boolean>;

export const LEVER_NAMES = [
  "WEBHOOKS_PAUSED",
  "EMAIL_SENDING_PAUSED",
  "BOOKINGS_CLOSED",
  "MANUAL_BOOKING_MODE",
] as const satisfies readonly LeverName[];

export type LeverState = {
  name: LeverName;
  value: boolean;
  /** null: no operator has set it; the default (the environment variable of the same name) applies. */
  updatedAt: Date | null;
  updatedBy: { id: string; name: string; email: string } | null;
};

/** Every lever's value in effect: the stored row, or `defaults` where none exists. */
export async function readLevers(db: Tx, { defaults }: { defaults: LeverValues }): Promise<LeverState[]> {
  const rows = await db.runtimeLever.findMany({
    select: { name: true, value: true, updatedAt: true, updatedBy: { select: { id: true, name: true, email: true } } },
  });
  const stored = new Map(rows.map((row) => [row.name, row]));
  return LEVER_NAMES.map((name) => stored.get(name) ?? { name, value: defaults[name], updatedAt: null, updatedBy: null });
}

export function leverValues(states: LeverState[]): LeverValues {
  return Object.fromEntries(states.map((s) => [s.name, s.value])) as LeverValues;
}
