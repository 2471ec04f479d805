import type { Tx } from "@/modules/shared/tx";
import { AppError } from "@/core/errors";
import { isUniqueViolation } from "@/modules/shared/db-errors";
import { ownSessionTypeSelect } from "./session-type-select";

export type SessionTypeFields = {
  title: string;
  slug: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
};

export async function createSessionType(tx: Tx, input: { builderId: string } & SessionTypeFields) {
  try {
    return await tx.sessionType.create({ data: input, select: ownSessionTypeSelect });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `You already have a session type "${input.slug}"`);
    throw error;
  }
}
