import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import type { AvailabilitySettings } from "./availability-types";
import { getAvailability } from "./get-availability";

/**
 * Replaces the builder's hours as a whole: the editor always sends the full set, and a
 * replace inside one transaction can never leave a half-edited week behind.
 * Existing bookings are untouched; new hours only affect slots offered from now on.
 */
export async function updateAvailability(tx: Tx, builderId: string, input: AvailabilitySettings) {
  const { rules, overrides, ...settings } = input;
  const { count } = await tx.builderProfile.updateMany({ where: { id: builderId }, data: settings });
  if (count !== 1) throw notFound("Builder profile");
  await tx.availabilityRule.deleteMany({ where: { builderId } });
  await tx.availabilityOverride.deleteMany({ where: { builderId } });
  if (rules.length) await tx.availabilityRule.createMany({ data: rules.map((r) => ({ ...r, builderId })) });
  if (overrides.length) {
    await tx.availabilityOverride.createMany({
      data: overrides.map((o) => ({ ...o, builderId, date: new Date(`${o.date}T00:00:00Z`) })),
    });
  }
  return getAvailability(tx, builderId);
}
