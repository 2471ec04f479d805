// `/__sandbox/...` routes of the Calendly sandbox: the handle's controls over
// HTTP, for a developer's shell or a browser test in another process.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CalendlySandbox } from "./calendly-sandbox";
import { CalendlyStateError } from "./calendly-state";
import { HttpError, optionalString, parseJsonObject, readBody, sendJson } from "./http-util";

function requireString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new HttpError(400, `${key} (string) is required`);
  return v;
}

export function createCalendlyControl(sandbox: CalendlySandbox): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    const method = req.method ?? "GET";
    const path = url.pathname;
    const raw = await readBody(req);
    try {
      if (path === "/__sandbox/requests") {
        if (method === "DELETE") {
          sandbox.clearRequests();
          return sendJson(res, 200, { cleared: true });
        }
        return sendJson(res, 200, sandbox.requests);
      }
      if (method === "GET" && path === "/__sandbox/deliveries") return sendJson(res, 200, sandbox.deliveries);
      if (method === "GET" && path === "/__sandbox/state") {
        const s = sandbox.state;
        return sendJson(res, 200, {
          user: s.user,
          eventTypes: [...s.eventTypes.values()],
          scheduledEvents: [...s.events.values()],
          invitees: [...s.invitees.values()],
        });
      }
      if (method !== "POST") throw new HttpError(404, `unknown sandbox route ${method} ${path}`);
      if (path === "/__sandbox/deliver") {
        // The body is delivered byte for byte, signed now: for duplicates and hand-made events.
        if (raw === "") throw new HttpError(400, "POST the raw webhook body to deliver");
        return sendJson(res, 200, { status: await sandbox.deliver(raw) });
      }
      const body = parseJsonObject(raw);
      const deliver = typeof body.deliver === "boolean" ? body.deliver : undefined;
      if (path === "/__sandbox/event-types") {
        const durationMinutes = body.durationMinutes;
        if (typeof durationMinutes !== "number") throw new HttpError(400, "durationMinutes (number) is required");
        const created = sandbox.addEventType({
          name: requireString(body, "name"),
          slug: requireString(body, "slug"),
          durationMinutes,
          ownerUserUri: optionalString(body.ownerUserUri),
        });
        return sendJson(res, 201, created);
      }
      if (path === "/__sandbox/invitees") {
        const result = await sandbox.scheduleInvitee({
          eventTypeUri: requireString(body, "eventTypeUri"),
          startTime: requireString(body, "startTime"),
          name: requireString(body, "name"),
          email: requireString(body, "email"),
          utmContent: optionalString(body.utmContent),
          deliver,
        });
        return sendJson(res, 201, result);
      }
      if (path === "/__sandbox/invitees/cancel") {
        const canceler = body.canceler_type === "invitee" ? "invitee" : "host";
        const reason = optionalString(body.reason) ?? null;
        return sendJson(
          res,
          200,
          await sandbox.cancelInvitee(requireString(body, "inviteeUri"), { reason, canceler_type: canceler, deliver }),
        );
      }
      if (path === "/__sandbox/invitees/reschedule") {
        const order = body.order === "create-first" ? "create-first" : "cancel-first";
        return sendJson(
          res,
          200,
          await sandbox.rescheduleInvitee(requireString(body, "inviteeUri"), requireString(body, "newStartTime"), {
            order,
            deliver,
          }),
        );
      }
      throw new HttpError(404, `unknown sandbox route ${method} ${path}`);
    } catch (err) {
      if (err instanceof CalendlyStateError) return sendJson(res, err.status, { error: err.message });
      throw err;
    }
  };
}
