import { describe, expect, it } from "vitest";
import { filterZoneOptions, modernZoneName, offsetMinutesOf, zoneOption, zoneOptions } from "./time-zone-options";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("zone options", () => {
  it("uses today's names for renamed zones", () => {
    expect(modernZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(modernZoneName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(modernZoneName("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("labels a zone with its friendly name and current offset", () => {
    expect(zoneOption("Asia/Calcutta", winter, "en-US")).toMatchObject({
      id: "Asia/Kolkata",
      label: "Asia/Kolkata — India Standard Time (GMT+05:30)",
      offsetMinutes: 330,
    });
  });

  it("follows daylight saving time", () => {
    expect(zoneOption("Europe/Berlin", winter, "en-US").label).toBe("Europe/Berlin — Central European Standard Time (GMT+01:00)");
    expect(zoneOption("Europe/Berlin", summer, "en-US").offsetMinutes).toBe(120);
    expect(zoneOption("America/New_York", winter, "en-US").label).toBe("America/New York — Eastern Standard Time (GMT-05:00)");
  });

  it("reads offsets in both directions", () => {
    expect(offsetMinutesOf("GMT-03:30")).toBe(-210);
    expect(offsetMinutesOf("GMT+09:00")).toBe(540);
    expect(offsetMinutesOf("GMT")).toBe(0);
  });

  it("lists each zone once, under its modern name, west to east", () => {
    const options = zoneOptions(["Asia/Kolkata", "Asia/Calcutta", "UTC", "America/New_York"], winter, "en-US");
    expect(options.map((o) => o.id)).toEqual(["America/New_York", "UTC", "Asia/Kolkata"]);
  });

  it("finds zones by city, friendly name or offset", () => {
    const options = zoneOptions(["Asia/Calcutta", "Europe/Berlin", "America/New_York", "UTC"], winter, "en-US");
    expect(filterZoneOptions(options, "kolkata").map((o) => o.id)).toEqual(["Asia/Kolkata"]);
    expect(filterZoneOptions(options, "india").map((o) => o.id)).toEqual(["Asia/Kolkata"]);
    expect(filterZoneOptions(options, "new york").map((o) => o.id)).toEqual(["America/New_York"]);
    expect(filterZoneOptions(options, "eastern standard").map((o) => o.id)).toEqual(["America/New_York"]);
    expect(filterZoneOptions(options, "+01:00").map((o) => o.id)).toEqual(["Europe/Berlin"]);
    expect(filterZoneOptions(options, "  ")).toHaveLength(4);
    expect(filterZoneOptions(options, "atlantis")).toEqual([]);
  });
});
