import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import type { AvailabilitySettings } from "./availability-types";

export async function getAvailability(tx: Tx, builderId: string): Promise<AvailabilitySettings> {
  const builder = await tx.builderProfile.findUnique({
    where: { id: builderId },
    select: {
      timeZone: true,
      bufferBeforeMinutes: true,
      bufferAfterMinutes: true,
      minimumNoticeMinutes: true,
      bookingWindowDays: true,
      availabilityRules: {
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        select: { weekday: true, startMinute: true, endMinute: true },
      },
      availabilityOverrides: {
        orderBy: [{ date: "asc" }, { startMinute: "asc" }],
        select: { date: true, kind: true, startMinute: true, endMinute: true },
      },
    },
  });
  if (!builder) throw notFound("Builder profile");
  const { availabilityRules, availabilityOverrides, ...settings } = builder;
  return {
    ...settings,
    rules: availabilityRules,
    overrides: availabilityOverrides.map((o) => ({ ...o, date: o.date.toISOString().slice(0, 10) })),
  };
}
