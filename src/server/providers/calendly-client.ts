import { CalendlyApiError, type CalendlyApi, type CalendlyAvailableTime, type CalendlyEventType } from "@/modules/ports/calendly-api";
import { getEnv } from "@/server/env";

type Page<T> = { collection: T[]; pagination?: { next_page_token?: string | null } };
type RawEventType = { uri: string; name: string; slug: string; duration: number; scheduling_url: string; active: boolean };
type RawAvailableTime = { status: string; start_time: string; scheduling_url: string };

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const env = getEnv();
  const url = path.startsWith("http") ? path : `${env.CALENDLY_API_BASE.replace(/\/$/, "")}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${env.CALENDLY_API_TOKEN}`, "content-type": "application/json", ...init.headers },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new CalendlyApiError(`Calendly unreachable: ${(error as Error).message}`, null);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { title?: string; message?: string };
    throw new CalendlyApiError(`Calendly ${response.status}: ${body.title ?? ""} ${body.message ?? ""}`.trim(), response.status);
  }
  return (await response.json()) as T;
}

async function currentUserUri(): Promise<string> {
  const me = await call<{ resource: { uri: string } }>("/users/me");
  return me.resource.uri;
}

export const calendlyClient: CalendlyApi = {
  async listEventTypes() {
    const user = await currentUserUri();
    const result: CalendlyEventType[] = [];
    let token: string | null | undefined;
    do {
      const query = new URLSearchParams({ user, active: "true", count: "100", ...(token ? { page_token: token } : {}) });
      const page = await call<Page<RawEventType>>(`/event_types?${query}`);
      for (const t of page.collection) {
        result.push({
          uri: t.uri,
          name: t.name,
          slug: t.slug,
          durationMinutes: t.duration,
          schedulingUrl: t.scheduling_url,
          active: t.active,
        });
      }
      token = page.pagination?.next_page_token;
    } while (token);
    return result;
  },

  async availableTimes(eventTypeUri, start, end): Promise<CalendlyAvailableTime[]> {
    const query = new URLSearchParams({ event_type: eventTypeUri, start_time: start.toISOString(), end_time: end.toISOString() });
    const page = await call<Page<RawAvailableTime>>(`/event_type_available_times?${query}`);
    return page.collection
      .filter((t) => t.status === "available")
      .map((t) => ({ startTime: new Date(t.start_time), schedulingUrl: t.scheduling_url }));
  },

  async cancelEvent(eventUri, reason) {
    const uuid = eventUri.split("/").pop();
    try {
      await call(`/scheduled_events/${uuid}/cancellation`, { method: "POST", body: JSON.stringify({ reason }) });
    } catch (error) {
      // Already cancelled (on Calendly, or by the invitee first): the goal is reached.
      if (error instanceof CalendlyApiError && (error.status === 403 || error.status === 409)) return;
      throw error;
    }
  },
};
