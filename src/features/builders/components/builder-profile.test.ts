import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BuilderProfile } from "./builder-profile";

const builder = {
  id: "b1",
  slug: "quiet-builder",
  displayName: "Quiet Builder",
  headline: "Between projects",
  bio: "",
  tags: ["rust"],
  timeZone: "Europe/Berlin",
  sessionTypes: [],
};

describe("BuilderProfile", () => {
  it("says plainly that there is nothing to book when every session type is archived", () => {
    const html = renderToStaticMarkup(createElement(BuilderProfile, { builder }));
    expect(html).toContain("<h1>Quiet Builder</h1>");
    expect(html).toContain("No sessions available right now.");
    expect(html).not.toContain("/book/");
  });

  it("offers each active session type with a booking link instead", () => {
    const sessionType = {
      id: "st1",
      title: "Intro call",
      slug: "intro",
      description: "",
      durationMinutes: 30,
      priceCents: 0,
      currency: "usd",
    };
    const html = renderToStaticMarkup(createElement(BuilderProfile, { builder: { ...builder, sessionTypes: [sessionType] } }));
    expect(html).not.toContain("No sessions available right now.");
    expect(html).toContain('href="/builders/quiet-builder/book/st1"');
  });

  it("states the refund policy when a session is paid, and only then", () => {
    const policy = "Free cancellation until 24 hours before the start; after that, no refund.";
    const free = { id: "st1", title: "Intro call", slug: "intro", description: "", durationMinutes: 30, priceCents: 0, currency: "usd" };
    const paid = { ...free, id: "st2", title: "Review", priceCents: 15_000 };
    const render = (sessionTypes: (typeof free)[]) =>
      renderToStaticMarkup(createElement(BuilderProfile, { builder: { ...builder, sessionTypes }, refundPolicy: policy }));
    expect(render([free, paid])).toContain(policy);
    expect(render([free])).not.toContain(policy);
  });

  it("says which sessions take their times from the builder's Calendly", () => {
    const own = { id: "st1", title: "Intro call", slug: "intro", description: "", durationMinutes: 30, priceCents: 0, currency: "usd" };
    const onCalendly = { ...own, id: "st2", title: "Office hours", viaCalendly: true };
    const html = renderToStaticMarkup(createElement(BuilderProfile, { builder: { ...builder, sessionTypes: [own, onCalendly] } }));
    expect(html.match(/Times come from Quiet Builder&#x27;s Calendly\./g)).toHaveLength(1);
    expect(html.indexOf("Office hours")).toBeLessThan(html.indexOf("Times come from"));
  });
});
