import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCalendlySandbox } from "./calendly-sandbox";
import type { CalendlySandbox, WebhookBody } from "./calendly-sandbox";
import { signCalendlyPayload } from "./calendly-signature";
import { startWebhookReceiver } from "./webhook-receiver";
import type { WebhookReceiver } from "./webhook-receiver";

const TOKEN = "cal_test_token";
const KEY = "cal_test_signing_key";
let cal: CalendlySandbox;
let receiver: WebhookReceiver;
let intro: { uri: string; scheduling_url: string };
let deep: { uri: string; scheduling_url: string };

/** UTC midnight of the first Monday at least two days ahead, so every slot that day is in the future. */
function nextMonday(): number {
  const d = new Date(Date.now() + 2 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
}
const MONDAY = nextMonday();
const at = (hour: number, minute = 0, day = 0): string =>
  new Date(MONDAY + day * 86_400_000 + hour * 3_600_000 + minute * 60_000).toISOString();

const api = async (path: string, init: RequestInit = {}, token = TOKEN): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${cal.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

/** Verifies like the app must: HMAC over "<t>.<raw body>", constant-time compare. Independent of the sandbox code. */
function verify(rawBody: string, header: string, key = KEY): { ok: boolean; t: number } {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", key).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return { ok: given.length === expected.length && timingSafeEqual(given, expected), t: Number(parts.t) };
}

function received(i: number): WebhookBody {
  const hit = receiver.received[i];
  if (!hit) throw new Error(`no webhook #${i}`);
  const header = hit.headers["calendly-webhook-signature"] ?? "";
  const { ok, t } = verify(hit.rawBody, header);
  expect(ok).toBe(true);
  expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);
  return JSON.parse(hit.rawBody) as WebhookBody;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  cal = await startCalendlySandbox({
    token: TOKEN,
    signingKey: KEY,
    webhookUrl: `${receiver.url}/api/webhooks/calendly`,
    username: "ada",
  });
  intro = cal.addEventType({ name: "Intro call", slug: "intro", durationMinutes: 30 });
  deep = cal.addEventType({ name: "Deep dive", slug: "deep", durationMinutes: 60 });
});
afterAll(async () => {
  await cal.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

describe("Calendly REST API", () => {
  it("requires the bearer token and answers /users/me", async () => {
    const denied = await api("/users/me", {}, "wrong");
    expect(denied.status).toBe(401);
    expect(denied.json).toMatchObject({ title: "Unauthenticated" });
    const me = await api("/users/me");
    const user = me.json.resource as Record<string, string>;
    expect(user.uri).toMatch(new RegExp(`^${cal.url}/users/[0-9a-f-]{36}$`));
    expect(user.slug).toBe("ada");
    expect(user.scheduling_url).toBe(`${cal.url}/ada`);
    expect(user.current_organization).toMatch(/\/organizations\//);
    expect(cal.requests.at(-1)).toMatchObject({
      method: "GET",
      path: "/users/me",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  });

  it("lists event types with count/page_token pagination", async () => {
    const user = encodeURIComponent(cal.user.uri);
    const first = await api(`/event_types?user=${user}&active=true&count=1`);
    expect(first.status).toBe(200);
    expect((first.json.collection as Array<{ uri: string }>).map((e) => e.uri)).toEqual([intro.uri]);
    const pagination = first.json.pagination as Record<string, string | null>;
    expect(pagination).toMatchObject({ count: 1, previous_page: null, previous_page_token: null });
    expect(pagination.next_page_token).toBeTruthy();
    const second = await api((pagination.next_page ?? "").slice(cal.url.length));
    expect((second.json.collection as Array<{ uri: string; scheduling_url: string }>)[0]).toMatchObject({
      uri: deep.uri,
      scheduling_url: `${cal.url}/ada/deep`,
    });
    expect((second.json.pagination as Record<string, unknown>).next_page).toBeNull();
    expect((second.json.pagination as Record<string, unknown>).previous_page_token).toBeTruthy();

    const noOwner = await api("/event_types");
    expect(noOwner.status).toBe(400);
    expect(noOwner.json).toMatchObject({ title: "Invalid Argument", details: [{ parameter: "user" }] });
    expect((await api(`/event_types?user=${user}&count=0`)).status).toBe(400);
  });

  it("offers weekday 09:00-17:00 UTC slots minus the host's booked time, and validates the range", async () => {
    const q = (et: string, start: string, end: string): string =>
      `/event_type_available_times?event_type=${encodeURIComponent(et)}&start_time=${start}&end_time=${end}`;
    const before = await api(q(deep.uri, at(0), at(0, 0, 1)));
    const slots = before.json.collection as Array<{
      start_time: string;
      status: string;
      invitees_remaining: number;
      scheduling_url: string;
    }>;
    expect(slots.map((s) => s.start_time.slice(11))).toEqual(
      [9, 10, 11, 12, 13, 14, 15, 16].map((h) => `${String(h).padStart(2, "0")}:00:00.000000Z`),
    );
    expect(slots[0]).toMatchObject({ status: "available", invitees_remaining: 1 });
    expect(slots[0]?.scheduling_url).toBe(
      `${cal.url}/ada/deep/${at(9).replace(".000Z", "Z")}?month=${at(9).slice(0, 7)}&date=${at(9).slice(0, 10)}`,
    );
    // Saturday and Sunday have no slots.
    const weekend = await api(q(intro.uri, at(0, 0, 5), at(0, 0, 7)));
    expect(weekend.json.collection).toEqual([]);

    const booked = await cal.scheduleInvitee({
      eventTypeUri: intro.uri,
      startTime: at(10),
      name: "Busy",
      email: "busy@example.com",
      deliver: false,
    });
    const after = await api(q(deep.uri, at(0), at(0, 0, 1)));
    expect((after.json.collection as Array<{ start_time: string }>).map((s) => s.start_time.slice(11, 16))).toEqual([
      "09:00",
      "11:00",
      "12:00",
      "13:00",
      "14:00",
      "15:00",
      "16:00",
    ]);
    await cal.cancelInvitee(booked.invitee.uri, { reason: "cleanup", canceler_type: "host", deliver: false });

    const past = await api(q(deep.uri, new Date(Date.now() - 3_600_000).toISOString(), at(0)));
    expect(past.status).toBe(400);
    expect(past.json).toMatchObject({ details: [{ parameter: "start_time" }] });
    const tooLong = await api(q(deep.uri, at(0), at(0, 0, 32)));
    expect(tooLong.status).toBe(400);
  });
});

describe("invitee webhooks", () => {
  it("scheduleInvitee delivers a signed invitee.created with the documented payload", async () => {
    const result = await cal.scheduleInvitee({
      eventTypeUri: intro.uri,
      startTime: at(14),
      name: "Grace Hopper",
      email: "grace@example.com",
      utmContent: "booking_123",
    });
    expect(result.deliveryStatus).toBe(200);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.path).toBe("/api/webhooks/calendly");
    const body = received(0);
    expect(Object.keys(body)).toEqual(["created_at", "created_by", "event", "payload"]);
    expect(body.event).toBe("invitee.created");
    expect(body.created_by).toBe(cal.user.uri);
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(body.payload).toMatchObject({
      uri: result.invitee.uri,
      email: "grace@example.com",
      name: "Grace Hopper",
      status: "active",
      rescheduled: false,
      old_invitee: null,
      new_invitee: null,
      tracking: { utm_content: "booking_123", utm_source: null, salesforce_uuid: null },
      payment: null,
      event: result.scheduledEvent.uri,
    });
    expect(body.payload.scheduled_event).toMatchObject({
      uri: result.scheduledEvent.uri,
      status: "active",
      start_time: at(14).replace(".000Z", ".000000Z"),
      end_time: at(14, 30).replace(".000Z", ".000000Z"),
      event_type: intro.uri,
      invitees_counter: { total: 1, active: 1, limit: 1 },
    });
    expect(body.payload.cancellation).toBeUndefined();

    const eventPath = result.scheduledEvent.uri.slice(cal.url.length);
    expect((await api(eventPath)).json.resource).toMatchObject({ uri: result.scheduledEvent.uri, status: "active" });
    expect((await api(result.invitee.uri.slice(cal.url.length))).json.resource).toMatchObject({
      email: "grace@example.com",
    });
    expect(
      verify(receiver.received[0]?.rawBody ?? "", receiver.received[0]?.headers["calendly-webhook-signature"] ?? "", "other-key").ok,
    ).toBe(false);
  });

  it("host cancellation over REST answers 201, then sends invitee.canceled; a second cancel is 403", async () => {
    const { scheduledEvent } = await cal.scheduleInvitee({
      eventTypeUri: intro.uri,
      startTime: at(15),
      name: "A",
      email: "a@example.com",
      deliver: false,
    });
    const path = `${scheduledEvent.uri.slice(cal.url.length)}/cancellation`;
    const res = await api(path, { method: "POST", body: JSON.stringify({ reason: "Host unavailable" }) });
    expect(res.status).toBe(201);
    expect(res.json.resource).toMatchObject({ reason: "Host unavailable", canceler_type: "host" });
    await cal.idle();
    const body = received(0);
    expect(body.event).toBe("invitee.canceled");
    expect(body.payload).toMatchObject({
      status: "canceled",
      rescheduled: false,
      cancellation: { reason: "Host unavailable", canceler_type: "host" },
    });
    expect(body.payload.scheduled_event.status).toBe("canceled");
    const again = await api(path, { method: "POST", body: JSON.stringify({ reason: "x" }) });
    expect(again.status).toBe(403);
    expect(again.json).toMatchObject({ title: "Permission Denied" });
  });

  it("rescheduling sends the created/canceled pair linked by old_invitee/new_invitee", async () => {
    const first = await cal.scheduleInvitee({
      eventTypeUri: deep.uri,
      startTime: at(9, 0, 1),
      name: "R",
      email: "r@example.com",
      utmContent: "bk_r",
      deliver: false,
    });
    const r = await cal.rescheduleInvitee(first.invitee.uri, at(11, 0, 1), { order: "create-first" });
    expect(r.deliveryStatuses).toEqual([200, 200]);
    const created = received(0);
    const canceled = received(1);
    expect(created.event).toBe("invitee.created");
    expect(canceled.event).toBe("invitee.canceled");
    expect(created.payload.old_invitee).toBe(first.invitee.uri);
    expect(created.payload.uri).not.toBe(first.invitee.uri);
    expect(created.payload.scheduled_event.uri).not.toBe(first.scheduledEvent.uri);
    expect(created.payload.scheduled_event.start_time).toBe(at(11, 0, 1).replace(".000Z", ".000000Z"));
    expect(canceled.payload).toMatchObject({
      uri: first.invitee.uri,
      status: "canceled",
      rescheduled: true,
      new_invitee: created.payload.uri,
    });
    await expect(cal.rescheduleInvitee(first.invitee.uri, at(13, 0, 1))).rejects.toThrow(/already canceled/);
  });

  it("signCalendlyPayload makes the same header as a delivery with that timestamp (stale ones too)", async () => {
    const first = await cal.scheduleInvitee({
      eventTypeUri: intro.uri,
      startTime: at(16, 0, 2),
      name: "S",
      email: "s@example.com",
      deliver: false,
    });
    const { rawBody } = cal.buildInviteeEvent("invitee.created", first.invitee.uri);
    const stale = Math.floor(Date.now() / 1000) - 600;
    const header = signCalendlyPayload(rawBody, KEY, stale);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(rawBody, header)).toEqual({ ok: true, t: stale });
    expect(await cal.deliver(rawBody, { timestampSeconds: stale })).toBe(200);
    expect(receiver.received[0]?.headers["calendly-webhook-signature"]).toBe(header);
    expect(receiver.received[0]?.rawBody).toBe(rawBody);
    receiver.respondWith([500]);
    expect(await cal.deliver(rawBody)).toBe(500);
    expect(cal.deliveries.at(-1)).toMatchObject({ eventId: first.invitee.uri, type: "invitee.created", status: 500 });
  });
});

describe("hosted scheduling pages", () => {
  it("prefills the confirm form, books with UTM tracking, and redirects to return_url", async () => {
    const start = at(13, 0, 3);
    const query = new URLSearchParams({
      start_time: start,
      name: "Lin",
      email: "lin@example.com",
      utm_content: "bk_9",
      return_url: "http://app.test/pay?b=9",
    });
    const html = await (await fetch(`${cal.url}/ada/intro?${query.toString()}`)).text();
    expect(html).toContain('<button type="submit">Schedule Event</button>');
    expect(html).toContain('value="Lin"');
    expect(html).toContain('value="lin@example.com"');
    expect(html).toContain('name="utm_content" value="bk_9"');

    const form = new URLSearchParams({
      start_time: start,
      name: "Lin",
      email: "lin@example.com",
      utm_content: "bk_9",
      return_url: "http://app.test/pay?b=9",
    });
    const res = await fetch(`${cal.url}/ada/intro`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://app.test/pay");
    expect(location.searchParams.get("b")).toBe("9");
    expect(location.searchParams.get("invitee_email")).toBe("lin@example.com");
    const body = received(0);
    expect(body.payload.tracking.utm_content).toBe("bk_9");
    expect(location.searchParams.get("invitee_uuid")).toBe(body.payload.uri.split("/").pop());

    // The same time again is taken.
    const clash = await fetch(`${cal.url}/ada/intro`, { method: "POST", body: form, redirect: "manual" });
    expect(clash.status).toBe(409);
  });

  it('lists slots without start_time, shows "You are scheduled" with a return link, and lets the invitee cancel', async () => {
    const list = await (await fetch(`${cal.url}/ada/deep?date=${at(0, 0, 4).slice(0, 10)}&email=z@example.com`)).text();
    const slotPath = `/ada/deep/${at(9, 0, 4).replace(".000Z", "Z")}`;
    expect(list).toContain(`href="${slotPath}?email=z%40example.com&amp;month=`);

    const form = new URLSearchParams({ name: "Zoe", email: "z@example.com", return: "http://app.test/bookings" });
    const res = await fetch(`${cal.url}${slotPath}`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("You are scheduled");
    expect(page).toContain('href="http://app.test/bookings"');
    const created = received(0);
    expect(created.payload.scheduled_event.start_time).toBe(at(9, 0, 4).replace(".000Z", ".000000Z"));

    const cancelPath = new URL(created.payload.cancel_url).pathname;
    expect(await (await fetch(`${cal.url}${cancelPath}`)).text()).toContain("Cancel Event");
    const canceledRes = await fetch(`${cal.url}${cancelPath}`, {
      method: "POST",
      body: new URLSearchParams({ reason: "Conflict" }),
    });
    expect(await canceledRes.text()).toContain("Cancellation confirmed");
    expect(received(1).payload).toMatchObject({
      status: "canceled",
      cancellation: { canceler_type: "invitee", canceled_by: "Zoe", reason: "Conflict" },
    });
  });
});

describe("Calendly /__sandbox routes", () => {
  it("adds event types, schedules without delivery, and delivers a raw body on demand", async () => {
    const post = (path: string, body: unknown): Promise<Response> =>
      fetch(`${cal.url}${path}`, { method: "POST", body: JSON.stringify(body) });
    const et = (await (await post("/__sandbox/event-types", { name: "Quick", slug: "quick", durationMinutes: 30 })).json()) as {
      uri: string;
      scheduling_url: string;
    };
    expect(et.scheduling_url).toBe(`${cal.url}/ada/quick`);
    const scheduled = await post("/__sandbox/invitees", {
      eventTypeUri: et.uri,
      startTime: at(12, 0, 2),
      name: "Q",
      email: "q@example.com",
      deliver: false,
    });
    expect(scheduled.status).toBe(201);
    const { webhook } = (await scheduled.json()) as { webhook: { rawBody: string } };
    expect(receiver.received).toHaveLength(0);
    const delivered = await fetch(`${cal.url}/__sandbox/deliver`, { method: "POST", body: webhook.rawBody });
    expect(await delivered.json()).toEqual({ status: 200 });
    expect(receiver.received[0]?.rawBody).toBe(webhook.rawBody);
    expect(received(0).event).toBe("invitee.created");
    const conflict = await post("/__sandbox/invitees", {
      eventTypeUri: et.uri,
      startTime: at(12, 0, 2),
      name: "Q2",
      email: "q2@example.com",
    });
    expect(conflict.status).toBe(409);
  });
});

describe("the organization: the token's owner and the members it invited", () => {
  it("answers organization_memberships by organization and email, in Calendly's pagination shape", async () => {
    const grace = cal.addMember({ email: "Grace@Demo.test", name: "Grace Hopper" });
    expect(cal.addMember({ email: "grace@demo.test" }).uri).toBe(grace.uri);
    expect(grace).toMatchObject({ slug: "grace", email: "grace@demo.test", current_organization: cal.user.current_organization });
    const org = encodeURIComponent(cal.user.current_organization);

    const byEmail = await api(`/organization_memberships?organization=${org}&email=${encodeURIComponent("GRACE@demo.test")}`);
    expect(byEmail.status).toBe(200);
    expect(byEmail.json.collection).toEqual([
      expect.objectContaining({
        role: "user",
        organization: cal.user.current_organization,
        user: expect.objectContaining({ uri: grace.uri, email: "grace@demo.test", name: "Grace Hopper", slug: "grace" }),
      }),
    ]);
    expect(byEmail.json.pagination).toMatchObject({ count: 1, next_page: null, next_page_token: null, previous_page: null });
    const nobody = await api(`/organization_memberships?organization=${org}&email=nobody%40demo.test`);
    expect(nobody.json.collection).toEqual([]);

    const all = await api(`/organization_memberships?organization=${org}&count=1`);
    expect((all.json.collection as Array<{ role: string }>)[0]?.role).toBe("owner");
    expect((all.json.pagination as { next_page_token: string | null }).next_page_token).toBeTruthy();
    const mine = await api(`/organization_memberships?user=${encodeURIComponent(cal.user.uri)}`);
    expect((mine.json.collection as Array<{ user: { uri: string } }>).map((m) => m.user.uri)).toEqual([cal.user.uri]);

    expect((await api("/organization_memberships")).status).toBe(400);
    expect((await api(`/organization_memberships?organization=${encodeURIComponent(`${cal.url}/organizations/other`)}`)).status).toBe(403);
    expect((await api(grace.uri.slice(cal.url.length))).json.resource).toMatchObject({ uri: grace.uri, slug: "grace" });
  });

  it("lists a member's own event types with user=, serves their pages, and names them as the event's host", async () => {
    const own = cal.addEventType({ name: "Office hours", slug: "office-hours", durationMinutes: 30, ownerEmail: "grace@demo.test" });
    const grace = cal.state.userByEmail("grace@demo.test")!;
    expect(own).toMatchObject({ owner: grace.uri, scheduling_url: `${cal.url}/grace/office-hours` });

    const listed = await api(`/event_types?user=${encodeURIComponent(grace.uri)}`);
    const types = listed.json.collection as Array<{ uri: string; profile: { owner: string; name: string } }>;
    expect(types.map((t) => t.uri)).toEqual([own.uri]);
    expect(types[0]?.profile).toEqual({ type: "User", name: "Grace Hopper", owner: grace.uri });
    const owners = await api(`/event_types?user=${encodeURIComponent(cal.user.uri)}`);
    expect((owners.json.collection as Array<{ uri: string }>).map((t) => t.uri)).not.toContain(own.uri);

    const page = await fetch(`${cal.url}/grace/office-hours?start_time=${encodeURIComponent(at(11, 0, 8))}`);
    expect(await page.text()).toContain("Schedule Event");
    // Not the owner's page: it falls through to the API, which wants a token.
    expect((await fetch(`${cal.url}/ada/office-hours`)).status).toBe(401);

    const booked = await cal.scheduleInvitee({ eventTypeUri: own.uri, startTime: at(11, 0, 8), name: "Ida", email: "ida@example.com" });
    expect(received(0).payload.scheduled_event.event_memberships).toEqual([
      { user: grace.uri, user_email: "grace@demo.test", user_name: "Grace Hopper" },
    ]);
    await cal.cancelInvitee(booked.invitee.uri, { reason: null, canceler_type: "host", deliver: false });
  });

  it("sends the invitee to the event type's redirect with the event details and UTM parameters, over return_url", async () => {
    const et = cal.addEventType({
      name: "Paid review",
      slug: "paid-review",
      durationMinutes: 60,
      ownerEmail: "grace@demo.test",
      redirectUrl: "http://app.test/bookings/calendly/scheduled",
    });
    const form = new URLSearchParams({
      start_time: at(14, 0, 9),
      name: "Lin",
      email: "lin@example.com",
      utm_content: "bk_42",
      return_url: "http://app.test/ignored",
    });
    const res = await fetch(`${cal.url}/grace/paid-review`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://app.test/bookings/calendly/scheduled");
    const created = received(0);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      utm_content: "bk_42",
      invitee_uuid: created.payload.uri.split("/").pop(),
      assigned_to: "Grace Hopper",
      event_type_uuid: et.uri.split("/").pop(),
      event_start_time: created.payload.scheduled_event.start_time,
      invitee_email: "lin@example.com",
    });

    // Set and cleared over the control route too; cleared, the sandbox falls back to its own page.
    const post = (path: string, body: unknown) => fetch(`${cal.url}${path}`, { method: "POST", body: JSON.stringify(body) });
    expect((await post("/__sandbox/event-types/redirect", { eventTypeUri: et.uri, redirectUrl: "javascript:alert(1)" })).status).toBe(400);
    expect((await post("/__sandbox/event-types/redirect", { eventTypeUri: et.uri, redirectUrl: null })).status).toBe(200);
    const plain = await fetch(`${cal.url}/grace/paid-review`, {
      method: "POST",
      body: new URLSearchParams({ start_time: at(15, 0, 9), name: "Lin", email: "lin@example.com" }),
      redirect: "manual",
    });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain("You are scheduled");
  });

  it("adds members and member-owned event types over the control routes", async () => {
    const post = (path: string, body: unknown) => fetch(`${cal.url}${path}`, { method: "POST", body: JSON.stringify(body) });
    const member = (await (await post("/__sandbox/members", { email: "linus@demo.test", name: "Linus" })).json()) as { uri: string };
    const et = (await (
      await post("/__sandbox/event-types", { name: "Kernel chat", slug: "kernel", durationMinutes: 30, ownerEmail: "linus@demo.test" })
    ).json()) as { owner: string; scheduling_url: string };
    expect(et).toMatchObject({ owner: member.uri, scheduling_url: `${cal.url}/linus/kernel` });
    const state = (await (await fetch(`${cal.url}/__sandbox/state`)).json()) as { memberships: Array<{ user: { email: string } }> };
    expect(state.memberships.map((m) => m.user.email)).toContain("linus@demo.test");
    expect((await post("/__sandbox/members", { email: "not-an-email" })).status).toBe(400);
  });
});
