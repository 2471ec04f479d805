import { z } from "zod";
import { timeZone } from "./fields";

// The signed-in viewer's own settings (viewer.setTimeZone) and the zone picker that sends them.

export const setTimeZoneInput = z.strictObject({ timeZone });
export type SetTimeZoneInput = z.input<typeof setTimeZoneInput>;
