// The pages a browser sees on calendly.com, reduced to plain forms:
//   /<username>/<slug>[/<start>]?name=&email=&utm_content=&start_time=&return_url=&return=
//   /cancellations/<invitee uuid>, /reschedulings/<invitee uuid>
// Every user of the organization has pages under their own username. Booking here goes
// through scheduleInvitee(), so the app receives the same signed `invitee.created` it would
// get from Calendly. Once booked, an event type's "redirect to an external site" sends the
// invitee on with the event details, as Calendly does (return_url is the sandbox's own older
// stand-in for it, used only when no redirect is set).
import type { Next } from "hono";
import { TRACKING_KEYS, calendlyTime, compactTime } from "./calendly-objects";
import type { EventType, Tracking } from "./calendly-objects";
import { cancelPage, canceledPage, confirmPage, errorPage, scheduledPage, slotListPage } from "./calendly-pages";
import type { CalendlySandbox } from "./calendly-sandbox";
import { CalendlyStateError } from "./calendly-state";
import { htmlResponse, pathParam, readBody, redirectResponse, requestUrl } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";

const WEEK_MS = 7 * 86_400_000;
/** Query params carried from the slot list through the confirm form. */
const CARRIED = ["name", "email", "return_url", "return", ...TRACKING_KEYS] as const;

function carried(source: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(CARRIED.map((k) => [k, source.get(k) ?? undefined]));
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Where the slot list starts: ?date=, else ?month=, else now (never in the past). */
function listStart(q: URLSearchParams): number {
  const date = q.get("date");
  const month = q.get("month");
  const requested = date ? Date.parse(`${date}T00:00:00Z`) : month ? Date.parse(`${month}-01T00:00:00Z`) : NaN;
  return Math.max(Number.isFinite(requested) ? requested : 0, Date.now());
}

/** Mounts the pages before the API: a path that is not a page falls through to it. */
export function mountHostedPages(app: SandboxApp, sandbox: CalendlySandbox): void {
  const state = sandbox.state;

  async function schedulingPage(c: SandboxContext, username: string, et: EventType, pathStart?: string): Promise<Response> {
    const url = requestUrl(c);
    const basePath = `/${username}/${et.slug}`;
    if (c.req.method === "POST") {
      const form = new URLSearchParams(await readBody(c));
      const start = Date.parse(pathStart ?? form.get("start_time") ?? "");
      const name = form.get("name")?.trim() ?? "";
      const email = form.get("email")?.trim() ?? "";
      if (!Number.isFinite(start) || !name || !email) {
        return htmlResponse(400, errorPage("Missing details", "A time, your name and your email are required.", basePath));
      }
      const tracking: Partial<Tracking> = {};
      for (const key of TRACKING_KEYS) {
        const v = form.get(key);
        if (v) tracking[key] = v;
      }
      try {
        const { invitee, scheduledEvent } = await sandbox.scheduleInvitee({
          eventTypeUri: et.uri,
          startTime: new Date(start),
          name,
          email,
          tracking,
        });
        const returnUrl = state.redirects.get(et.uri) ?? httpUrl(form.get("return_url"));
        if (returnUrl) {
          // The names Calendly uses when "pass event details to your redirected page" is on.
          const target = new URL(returnUrl);
          const details: Record<string, string> = {
            assigned_to: scheduledEvent.event_memberships[0]?.user_name ?? "",
            event_type_uuid: et.uri.split("/").pop() ?? "",
            event_type_name: et.name,
            event_start_time: scheduledEvent.start_time,
            event_end_time: scheduledEvent.end_time,
            invitee_uuid: invitee.uri.split("/").pop() ?? "",
            invitee_full_name: invitee.name,
            invitee_email: invitee.email,
            ...Object.fromEntries(Object.entries(tracking).filter((e): e is [string, string] => e[1] !== null)),
          };
          for (const [k, v] of Object.entries(details)) target.searchParams.set(k, v);
          return redirectResponse(target.toString());
        }
        return htmlResponse(200, scheduledPage(invitee, scheduledEvent, httpUrl(form.get("return"))));
      } catch (err) {
        if (!(err instanceof CalendlyStateError)) throw err;
        return htmlResponse(err.status, errorPage("Could not schedule", err.message, basePath));
      }
    }
    const q = url.searchParams;
    const startParam = pathStart ?? q.get("start_time");
    if (startParam) {
      const startMs = Date.parse(startParam);
      if (!Number.isFinite(startMs)) return htmlResponse(400, errorPage("Invalid time", `Not a valid time: ${startParam}`, basePath));
      const fields = carried(q);
      return htmlResponse(
        200,
        confirmPage({
          eventType: et,
          startMs,
          action: basePath,
          name: fields.name ?? "",
          email: fields.email ?? "",
          hidden: { ...fields, name: undefined, email: undefined, start_time: calendlyTime(startMs) },
          button: "Schedule Event",
        }),
      );
    }
    const from = listStart(q);
    const slots = state.availableSlots(et, from, from + WEEK_MS);
    const keep = new URLSearchParams(Object.entries(carried(q)).filter((e): e is [string, string] => e[1] !== undefined));
    return htmlResponse(
      200,
      slotListPage("Select a Date & Time", et, slots, (t) => {
        const iso = compactTime(t);
        const params = new URLSearchParams(keep);
        params.set("month", iso.slice(0, 7));
        params.set("date", iso.slice(0, 10));
        return `${basePath}/${iso}?${params.toString()}`;
      }),
    );
  }

  async function inviteePage(c: SandboxContext, kind: "cancellations" | "reschedulings"): Promise<Response> {
    const url = requestUrl(c);
    const invitee = state.inviteeByUuid(pathParam(c, "uuid"));
    const event = invitee ? state.events.get(invitee.event) : undefined;
    if (!invitee || !event) return htmlResponse(404, errorPage("Not found", "This invitation does not exist."));
    const et = state.eventTypes.get(event.event_type);
    if (kind === "cancellations") {
      if (c.req.method !== "POST") return htmlResponse(200, cancelPage(invitee, event));
      const reason = new URLSearchParams(await readBody(c)).get("reason") || null;
      if (invitee.status === "active") await sandbox.cancelInvitee(invitee.uri, { reason, canceler_type: "invitee" });
      return htmlResponse(200, canceledPage(event));
    }
    if (!et || invitee.status !== "active") return htmlResponse(409, errorPage("Cannot reschedule", "This event is canceled."));
    if (c.req.method === "POST") {
      const start = Date.parse(new URLSearchParams(await readBody(c)).get("start_time") ?? "");
      try {
        const r = await sandbox.rescheduleInvitee(invitee.uri, new Date(start));
        const newEvent = state.events.get(r.newInvitee.event);
        if (newEvent) return htmlResponse(200, scheduledPage(r.newInvitee, newEvent));
      } catch (err) {
        if (!(err instanceof CalendlyStateError)) throw err;
        return htmlResponse(err.status, errorPage("Could not reschedule", err.message, url.pathname));
      }
    }
    const startParam = url.searchParams.get("start_time");
    if (startParam && Number.isFinite(Date.parse(startParam))) {
      const startMs = Date.parse(startParam);
      return htmlResponse(
        200,
        confirmPage({
          eventType: et,
          startMs,
          action: url.pathname,
          name: invitee.name,
          email: invitee.email,
          hidden: { start_time: calendlyTime(startMs) },
          button: "Reschedule Event",
        }),
      );
    }
    const from = Date.now();
    const slots = state.availableSlots(et, from, from + WEEK_MS);
    return htmlResponse(
      200,
      slotListPage("Pick a new time", et, slots, (t) => `${url.pathname}?start_time=${encodeURIComponent(compactTime(t))}`),
    );
  }

  app.all("/cancellations/:uuid", (c) => inviteePage(c, "cancellations"));
  app.all("/reschedulings/:uuid", (c) => inviteePage(c, "reschedulings"));
  app.all("/:username/:slug/:start?", async (c: SandboxContext, next: Next) => {
    const username = pathParam(c, "username");
    const et = state.eventTypeBySlug(username, pathParam(c, "slug"));
    if (!et) return next();
    return schedulingPage(c, username, et, c.req.param("start"));
  });
}
