// Each builder links their own Calendly user (a member of the platform's organization) and sees
// and links only that user's event types, over the real procedures against the Calendly sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType } from "@/testing/factories";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(async () => h.close());

let seq = 0;
/** A builder who is (or is not yet) a member of the platform's Calendly organization. */
async function builder({ member = true } = {}) {
  const { user, profile } = await createBuilder(h.db);
  if (member) h.calendly.addMember({ email: user.email, name: user.name });
  return { user, profile, api: callerFor(h.db, user.id).sessionType };
}
const eventTypeOf = (email: string) =>
  h.calendly.addEventType({ name: `Call ${++seq}`, slug: `call-${seq}-${Date.now()}`, durationMinutes: 30, ownerEmail: email });

describe("a builder's own Calendly user", () => {
  it("is found in the organization by the builder's account email and stored", async () => {
    const ada = await builder();
    expect(await ada.api.calendlyAccount()).toMatchObject({ connected: false, email: ada.user.email });
    expect(await ada.api.connectCalendly()).toMatchObject({ connected: true, mappedSessionTypes: [] });
    const stored = await h.db.builderProfile.findUniqueOrThrow({ where: { id: ada.profile.id } });
    expect(stored.calendlyUserUri).toBe(h.calendly.state.userByEmail(ada.user.email)?.uri);
    // The lookup asked Calendly for the membership by the organization and the email.
    const lookup = h.calendly.requests.findLast((r) => r.path === "/organization_memberships");
    expect(lookup?.query).toMatchObject({ organization: h.calendly.user.current_organization, email: ada.user.email });
    // Connecting again is harmless.
    expect(await ada.api.connectCalendly()).toMatchObject({ connected: true });
  });

  it("is refused with a clear 4xx when the organization has no user with that email", async () => {
    const stranger = await builder({ member: false });
    await expect(stranger.api.connectCalendly()).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: `No Calendly user with ${stranger.user.email} in our Calendly organization: ask us for an invitation, accept it, then connect again`,
    });
    expect((await h.db.builderProfile.findUniqueOrThrow({ where: { id: stranger.profile.id } })).calendlyUserUri).toBeNull();
    await expect(stranger.api.calendlyEventTypes()).rejects.toMatchObject({ message: "Connect your Calendly first" });
  });

  it("lists only the builder's own event types: Ada does not see Grace's", async () => {
    const ada = await builder();
    const grace = await builder();
    await ada.api.connectCalendly();
    await grace.api.connectCalendly();
    const adas = eventTypeOf(ada.user.email);
    const graces = eventTypeOf(grace.user.email);
    const platform = h.calendly.addEventType({ name: "Platform", slug: `platform-${++seq}`, durationMinutes: 30 });
    expect((await ada.api.calendlyEventTypes()).map((t) => t.uri)).toEqual([adas.uri]);
    expect((await grace.api.calendlyEventTypes()).map((t) => t.uri)).toEqual([graces.uri]);
    expect((await ada.api.calendlyEventTypes()).map((t) => t.uri)).not.toContain(platform.uri);
  });

  it("links a session type to the builder's own event type only: another builder's is refused on the server", async () => {
    const ada = await builder();
    const grace = await builder();
    await ada.api.connectCalendly();
    await grace.api.connectCalendly();
    const type = await createSessionType(h.db, ada.profile.id);
    const graces = eventTypeOf(grace.user.email);
    await expect(ada.api.linkCalendly({ id: type.id, eventTypeUri: graces.uri })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "That Calendly event type is not one of yours: pick one of your own event types",
    });
    // The platform's own event types (the organization owner's) are not Ada's either.
    const platform = h.calendly.addEventType({ name: "Platform", slug: `platform-${++seq}`, durationMinutes: 30 });
    await expect(ada.api.linkCalendly({ id: type.id, eventTypeUri: platform.uri })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      ada.api.linkCalendly({ id: type.id, eventTypeUri: `${h.calendly.url}/event_types/00000000-0000-4000-8000-000000000000` }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await h.db.sessionType.findUniqueOrThrow({ where: { id: type.id } })).calendlyEventTypeUri).toBeNull();

    const adas = eventTypeOf(ada.user.email);
    expect(await ada.api.linkCalendly({ id: type.id, eventTypeUri: adas.uri })).toMatchObject({ calendlyEventTypeUri: adas.uri });
  });

  it("refuses linking before connecting", async () => {
    const ada = await builder();
    const type = await createSessionType(h.db, ada.profile.id);
    const adas = eventTypeOf(ada.user.email);
    await expect(ada.api.linkCalendly({ id: type.id, eventTypeUri: adas.uri })).rejects.toMatchObject({
      message: "Connect your Calendly first",
    });
  });

  it("disconnects only when no session type is scheduled through Calendly, saying which one is", async () => {
    const ada = await builder();
    await ada.api.connectCalendly();
    const type = await createSessionType(h.db, ada.profile.id);
    await h.db.sessionType.update({ where: { id: type.id }, data: { title: "Pairing hour" } });
    const adas = eventTypeOf(ada.user.email);
    await ada.api.linkCalendly({ id: type.id, eventTypeUri: adas.uri });
    await expect(ada.api.disconnectCalendly()).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'Unlink "Pairing hour" from Calendly first: clients book them there',
    });
    expect(await ada.api.calendlyAccount()).toMatchObject({
      connected: true,
      mappedSessionTypes: [{ id: type.id, title: "Pairing hour" }],
    });

    await ada.api.linkCalendly({ id: type.id, eventTypeUri: null });
    expect(await ada.api.disconnectCalendly()).toMatchObject({ connected: false, mappedSessionTypes: [] });
    expect((await h.db.builderProfile.findUniqueOrThrow({ where: { id: ada.profile.id } })).calendlyUserUri).toBeNull();
  });

  it("refuses one Calendly user for two builders", async () => {
    const first = await builder();
    await first.api.connectCalendly();
    const second = await builder({ member: false });
    // The second builder's account shares the first one's email on Calendly's side (an operator error).
    h.calendly.state.users.get(h.calendly.state.userByEmail(first.user.email)!.uri)!.email = second.user.email;
    h.calendly.state.memberships.get(h.calendly.state.userByEmail(second.user.email)!.uri)!.user.email = second.user.email;
    await expect(second.api.connectCalendly()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "That Calendly user is already connected to another builder",
    });
  });
});
