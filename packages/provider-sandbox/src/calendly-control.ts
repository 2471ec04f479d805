// `/__sandbox/...` routes of the Calendly sandbox: the handle's controls over
// HTTP, for a developer's shell or a browser test in another process (typed
// client: `sandboxControl(...).calendly` in control-client.ts).
import type { CalendlySandbox } from "./calendly-sandbox";
import { CalendlyStateError } from "./calendly-state";
import { HttpError, isUnder, jsonResponse, optionalString, parseJsonObject, readBody, requestUrl } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";

function requireString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new HttpError(400, `${key} (string) is required`);
  return v;
}

type Command = { body: Record<string, unknown>; deliver: boolean | undefined };

export function mountCalendlyControl(app: SandboxApp, sandbox: CalendlySandbox): void {
  /** Reads the raw body first (every control route does); state errors answer their own status. */
  const control =
    (route: (raw: string, c: SandboxContext) => Promise<Response> | Response) =>
    async (c: SandboxContext): Promise<Response> => {
      const raw = await readBody(c);
      try {
        return await route(raw, c);
      } catch (err) {
        if (err instanceof CalendlyStateError) return jsonResponse(err.status, { error: err.message });
        throw err;
      }
    };
  /** Commands take a JSON object body (empty = {}) with an optional `deliver`. */
  const command = (run: (cmd: Command) => Promise<Response> | Response) =>
    control((raw) => {
      const body = parseJsonObject(raw);
      return run({ body, deliver: typeof body.deliver === "boolean" ? body.deliver : undefined });
    });

  app.delete(
    "/__sandbox/requests",
    control(() => {
      sandbox.clearRequests();
      return jsonResponse(200, { cleared: true });
    }),
  );
  app.all(
    "/__sandbox/requests",
    control(() => jsonResponse(200, sandbox.requests)),
  );
  app.get(
    "/__sandbox/deliveries",
    control(() => jsonResponse(200, sandbox.deliveries)),
  );
  app.get(
    "/__sandbox/state",
    control(() => {
      const s = sandbox.state;
      return jsonResponse(200, {
        user: s.user,
        users: [...s.users.values()],
        memberships: [...s.memberships.values()],
        eventTypes: [...s.eventTypes.values()],
        redirects: Object.fromEntries(s.redirects),
        scheduledEvents: [...s.events.values()],
        invitees: [...s.invitees.values()],
      });
    }),
  );
  app.post(
    "/__sandbox/deliver",
    control(async (raw) => {
      // The body is delivered byte for byte, signed now: for duplicates and hand-made events.
      if (raw === "") throw new HttpError(400, "POST the raw webhook body to deliver");
      return jsonResponse(200, { status: await sandbox.deliver(raw) });
    }),
  );
  app.post(
    "/__sandbox/event-types",
    command(({ body }) => {
      const durationMinutes = body.durationMinutes;
      if (typeof durationMinutes !== "number") throw new HttpError(400, "durationMinutes (number) is required");
      const created = sandbox.addEventType({
        name: requireString(body, "name"),
        slug: requireString(body, "slug"),
        durationMinutes,
        ownerUserUri: optionalString(body.ownerUserUri),
        ownerEmail: optionalString(body.ownerEmail),
        ownerName: optionalString(body.ownerName),
        redirectUrl: optionalString(body.redirectUrl),
      });
      return jsonResponse(201, created);
    }),
  );
  app.post(
    "/__sandbox/event-types/redirect",
    command(({ body }) => {
      const url = body.redirectUrl === null ? null : requireString(body, "redirectUrl");
      sandbox.setRedirect(requireString(body, "eventTypeUri"), url);
      return jsonResponse(200, { eventTypeUri: body.eventTypeUri, redirectUrl: url });
    }),
  );
  app.post(
    "/__sandbox/members",
    command(({ body }) => jsonResponse(201, sandbox.addMember({ email: requireString(body, "email"), name: optionalString(body.name) }))),
  );
  app.post(
    "/__sandbox/invitees",
    command(async ({ body, deliver }) => {
      const result = await sandbox.scheduleInvitee({
        eventTypeUri: requireString(body, "eventTypeUri"),
        startTime: requireString(body, "startTime"),
        name: requireString(body, "name"),
        email: requireString(body, "email"),
        utmContent: optionalString(body.utmContent),
        deliver,
      });
      return jsonResponse(201, result);
    }),
  );
  app.post(
    "/__sandbox/invitees/cancel",
    command(async ({ body, deliver }) => {
      const canceler = body.canceler_type === "invitee" ? "invitee" : "host";
      const reason = optionalString(body.reason) ?? null;
      return jsonResponse(
        200,
        await sandbox.cancelInvitee(requireString(body, "inviteeUri"), { reason, canceler_type: canceler, deliver }),
      );
    }),
  );
  app.post(
    "/__sandbox/invitees/reschedule",
    command(async ({ body, deliver }) => {
      const order = body.order === "create-first" ? "create-first" : "cancel-first";
      return jsonResponse(
        200,
        await sandbox.rescheduleInvitee(requireString(body, "inviteeUri"), requireString(body, "newStartTime"), { order, deliver }),
      );
    }),
  );
  const unknownRoute = control((raw, c) => {
    // A POST's body is checked before its route is known, as it always was.
    if (c.req.method === "POST") parseJsonObject(raw);
    throw new HttpError(404, `unknown sandbox route ${c.req.method} ${requestUrl(c).pathname}`);
  });
  app.all("/__sandbox/*", (c, next) => (isUnder(c, "/__sandbox") ? unknownRoute(c) : next()));
}
