// Calendly API v2 REST surface: Bearer token, `{resource}` / `{collection,
// pagination}` envelopes, errors as `{title, message, details}`.
import { calendlyTime } from "./calendly-objects";
import type { Invitee, ScheduledEvent } from "./calendly-objects";
import { CalendlyStateError } from "./calendly-state";
import type { CalendlyState } from "./calendly-state";
import { bearerToken, isRecord, jsonResponse, pathParam, readBody, requestHeaders, requestUrl } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";

export type RecordedCalendlyRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  at: Date;
};

export type CalendlyApiContext = {
  state: CalendlyState;
  token: string;
  requests: RecordedCalendlyRequest[];
  /** Called after a host cancellation was answered, to send `invitee.canceled`. */
  onHostCancel: (canceled: Invitee, event: ScheduledEvent) => void;
};

const MAX_RANGE_DAYS = 31;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly details?: Array<{ parameter: string; message: string }>,
  ) {
    super(message);
  }
}

const invalid = (parameter: string, message: string): ApiError =>
  new ApiError(400, "Invalid Argument", "The supplied parameters are invalid.", [{ parameter, message }]);
const notFound = (): ApiError => new ApiError(404, "Resource Not Found", "The server could not find the requested resource.");

function requiredTime(url: URL, name: string): number {
  const raw = url.searchParams.get(name);
  if (!raw) throw invalid(name, "is required");
  const ms = Date.parse(raw);
  if (!Number.isFinite(ms)) throw invalid(name, "must be a valid ISO 8601 time");
  return ms;
}

function paginate<T>(items: T[], url: URL, base: string): { collection: T[]; pagination: Record<string, string | number | null> } {
  const count = Number(url.searchParams.get("count") ?? "20");
  if (!Number.isInteger(count) || count < 1 || count > 100) throw invalid("count", "must be between 1 and 100");
  const token = url.searchParams.get("page_token");
  let offset = 0;
  if (token) {
    offset = Number(
      Buffer.from(token, "base64url")
        .toString("utf8")
        .replace(/^offset:/, ""),
    );
    if (!Number.isInteger(offset) || offset < 0) throw invalid("page_token", "is invalid");
  }
  const link = (at: number): { token: string; url: string } => {
    const t = Buffer.from(`offset:${at}`).toString("base64url");
    const next = new URL(url.toString());
    next.searchParams.set("page_token", t);
    return { token: t, url: `${base}${next.pathname}${next.search}` };
  };
  const next = offset + count < items.length ? link(offset + count) : null;
  const prev = offset > 0 ? link(Math.max(0, offset - count)) : null;
  const collection = items.slice(offset, offset + count);
  return {
    collection,
    pagination: {
      count: collection.length,
      next_page: next?.url ?? null,
      next_page_token: next?.token ?? null,
      previous_page: prev?.url ?? null,
      previous_page_token: prev?.token ?? null,
    },
  };
}

/** `user=` or `organization=` is required on list endpoints; returns the owner filter (null = whole org). */
function ownerFilter(url: URL, state: CalendlyState): string | null {
  const user = url.searchParams.get("user");
  const org = url.searchParams.get("organization");
  if (user) return user;
  if (org === state.organization) return null;
  if (org) throw new ApiError(403, "Permission Denied", "You do not have permission to access this resource.");
  throw invalid("user", "one of user or organization must be provided");
}

type Result = { status: number; body: unknown };
type Endpoint = (req: { url: URL; path: string; q: URLSearchParams; body: unknown }, c: SandboxContext) => Result;

function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    return jsonResponse(err.status, { title: err.title, message: err.message, ...(err.details ? { details: err.details } : {}) });
  }
  if (err instanceof CalendlyStateError) {
    return jsonResponse(err.status, { title: err.status === 403 ? "Permission Denied" : "Invalid Argument", message: err.message });
  }
  throw err;
}

/**
 * Mounts the API on the sandbox app as its last routes: whatever the hosted pages and
 * controls did not take is an API call (recorded, then authenticated), and an unknown
 * path is Calendly's 404.
 */
export function mountCalendlyApi(app: SandboxApp, ctx: CalendlyApiContext): void {
  const { state } = ctx;
  const ok = (resource: unknown): Result => ({ status: 200, body: { resource } });

  const endpoint =
    (fn: Endpoint) =>
    async (c: SandboxContext): Promise<Response> => {
      const method = c.req.method;
      const url = requestUrl(c);
      const rawBody = await readBody(c);
      let body: unknown = rawBody === "" ? undefined : rawBody;
      try {
        if (rawBody !== "") body = JSON.parse(rawBody);
      } catch {
        // Recorded as text; endpoints that need a body reject it below.
      }
      ctx.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: requestHeaders(c),
        body,
        rawBody,
        at: new Date(),
      });
      try {
        if (bearerToken(c) !== ctx.token) throw new ApiError(401, "Unauthenticated", "The access token is invalid");
        if (method === "POST" && rawBody !== "" && !isRecord(body))
          throw new ApiError(400, "Invalid Argument", "The request body is not valid JSON.");
        const result = fn({ url, path: url.pathname, q: url.searchParams, body }, c);
        return jsonResponse(result.status, result.body);
      } catch (err) {
        return errorResponse(err);
      }
    };

  app.get(
    "/users/me",
    endpoint(() => ok(state.user)),
  );
  app.get(
    "/users/:uuid",
    endpoint(({ path }) => {
      const user = state.users.get(`${state.base}${path}`);
      if (!user) throw notFound();
      return ok(user);
    }),
  );
  app.get(
    "/organization_memberships",
    endpoint(({ url, q }) => {
      // Calendly wants the organization or a user; the token sees only its own organization.
      const org = q.get("organization");
      const user = q.get("user");
      if (!org && !user) throw invalid("organization", "one of organization or user must be provided");
      if (org && org !== state.organization)
        throw new ApiError(403, "Permission Denied", "You do not have permission to access this resource.");
      const email = q.get("email")?.toLowerCase() ?? null;
      const role = q.get("role");
      const items = [...state.memberships.values()].filter(
        (m) =>
          (user === null || m.user.uri === user) &&
          (email === null || m.user.email.toLowerCase() === email) &&
          (role === null || m.role === role),
      );
      return { status: 200, body: paginate(items, url, state.base) };
    }),
  );
  app.get(
    "/organization_memberships/:uuid",
    endpoint(({ path }) => {
      const membership = [...state.memberships.values()].find((m) => m.uri === `${state.base}${path}`);
      if (!membership) throw notFound();
      return ok(membership);
    }),
  );
  app.get(
    "/event_types",
    endpoint(({ url, q }) => {
      const owner = ownerFilter(url, state);
      const active = q.get("active");
      const items = [...state.eventTypes.values()].filter(
        (et) => (owner === null || et.profile.owner === owner) && (active === null || String(et.active) === active),
      );
      return { status: 200, body: paginate(items, url, state.base) };
    }),
  );
  app.get(
    "/event_types/:uuid",
    endpoint(({ path }) => {
      const et = state.eventTypes.get(`${state.base}${path}`);
      if (!et) throw notFound();
      return ok(et);
    }),
  );
  app.get(
    "/event_type_available_times",
    endpoint(({ url, q }) => {
      const etUri = q.get("event_type");
      if (!etUri) throw invalid("event_type", "is required");
      const et = state.eventTypes.get(etUri);
      if (!et) throw notFound();
      const start = requiredTime(url, "start_time");
      const end = requiredTime(url, "end_time");
      if (start < Date.now()) throw invalid("start_time", "must be in the future");
      if (end <= start) throw invalid("end_time", "must be after start_time");
      if (end - start > MAX_RANGE_DAYS * 86_400_000) throw invalid("end_time", `date range can be no greater than ${MAX_RANGE_DAYS} days`);
      const slots = et.active ? state.availableSlots(et, start, end) : [];
      const collection = slots.map((t) => ({
        status: "available",
        invitees_remaining: 1,
        start_time: calendlyTime(t),
        scheduling_url: state.slotUrl(et, t),
      }));
      return { status: 200, body: { collection } };
    }),
  );
  app.get(
    "/scheduled_events",
    endpoint(({ url, q }) => {
      const owner = ownerFilter(url, state);
      const status = q.get("status");
      const min = q.get("min_start_time");
      const max = q.get("max_start_time");
      const email = q.get("invitee_email");
      const items = [...state.events.values()]
        .filter((ev) => owner === null || ev.event_memberships.some((mb) => mb.user === owner))
        .filter((ev) => status === null || ev.status === status)
        .filter((ev) => min === null || Date.parse(ev.start_time) >= Date.parse(min))
        .filter((ev) => max === null || Date.parse(ev.start_time) <= Date.parse(max))
        .filter((ev) => email === null || [...state.invitees.values()].some((i) => i.event === ev.uri && i.email === email))
        .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
      return { status: 200, body: paginate(items, url, state.base) };
    }),
  );
  app.get(
    "/scheduled_events/:uuid",
    endpoint(({ path }) => {
      const ev = state.events.get(`${state.base}${path}`);
      if (!ev) throw notFound();
      return ok(ev);
    }),
  );
  app.get(
    "/scheduled_events/:uuid/invitees",
    endpoint(({ url, q }, c) => {
      const eventUri = `${state.base}/scheduled_events/${pathParam(c, "uuid")}`;
      if (!state.events.has(eventUri)) throw notFound();
      const items = [...state.invitees.values()].filter(
        (i) =>
          i.event === eventUri &&
          (q.get("status") === null || i.status === q.get("status")) &&
          (q.get("email") === null || i.email === q.get("email")),
      );
      return { status: 200, body: paginate(items, url, state.base) };
    }),
  );
  app.get(
    "/scheduled_events/:uuid/invitees/:invitee",
    endpoint(({ path }) => {
      const inv = state.invitees.get(`${state.base}${path}`);
      if (!inv) throw notFound();
      return ok(inv);
    }),
  );
  app.post(
    "/scheduled_events/:uuid/cancellation",
    endpoint(({ body }, c) => {
      const eventUri = `${state.base}/scheduled_events/${pathParam(c, "uuid")}`;
      const ev = state.events.get(eventUri);
      if (!ev) throw notFound();
      if (ev.status === "canceled") throw new ApiError(403, "Permission Denied", "Event is already canceled");
      const reason = isRecord(body) && typeof body.reason === "string" ? body.reason : null;
      const invitees = [...state.invitees.values()].filter((i) => i.event === eventUri && i.status === "active");
      for (const inv of invitees) {
        const { invitee, event } = state.cancel(inv.uri, { reason, canceler_type: "host" });
        ctx.onHostCancel(invitee, event);
      }
      return { status: 201, body: { resource: ev.cancellation } };
    }),
  );
  app.all(
    "*",
    endpoint(() => {
      throw notFound();
    }),
  );
}
