import {
  CalendlyApiError,
  type CalendlyApi,
  type CalendlyAvailableTime,
  type CalendlyEventType,
  type CalendlyMember,
} from "@/modules/ports/calendly-api";
import { getEnv } from "@/server/env";

type Page<T> = { collection: T[]; pagination?: { next_page_token?: string | null } };
type RawEventType = {
  uri: string;
  name: string;
  slug: string;
  duration: number;
  scheduling_url: string;
  active: boolean;
  profile: { owner: string } | null;
};
type RawAvailableTime = { status: string; start_time: string; scheduling_url: string };
type RawMembership = { user: { uri: string; name: string; email: string } };

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

/** Every page of a Calendly list (count/page_token). */
async function collect<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let token: string | null | undefined;
  do {
    const params = new URLSearchParams({ ...query, count: "100", ...(token ? { page_token: token } : {}) });
    const page = await call<Page<T>>(`${path}?${params}`);
    items.push(...page.collection);
    token = page.pagination?.next_page_token;
  } while (token);
  return items;
}

/** The token's own organization: it never changes for a token, so it is asked once per token. */
const organizations = new Map<string, Promise<string>>();
function currentOrganization(): Promise<string> {
  const env = getEnv();
  const key = `${env.CALENDLY_API_BASE} ${env.CALENDLY_API_TOKEN}`;
  let found = organizations.get(key);
  if (!found) {
    found = call<{ resource: { current_organization: string } }>("/users/me").then((me) => me.resource.current_organization);
    // A failure is not remembered: the next call asks again.
    void found.catch(() => organizations.delete(key));
    organizations.set(key, found);
  }
  return found;
}

function eventType(t: RawEventType): CalendlyEventType {
  return {
    uri: t.uri,
    name: t.name,
    slug: t.slug,
    durationMinutes: t.duration,
    schedulingUrl: t.scheduling_url,
    active: t.active,
    ownerUri: t.profile?.owner ?? "",
  };
}

export const calendlyClient: CalendlyApi = {
  async findMember(email): Promise<CalendlyMember | null> {
    const memberships = await collect<RawMembership>("/organization_memberships", {
      organization: await currentOrganization(),
      email,
    });
    const found = memberships.find((m) => m.user.email.toLowerCase() === email.toLowerCase());
    return found ? { userUri: found.user.uri, name: found.user.name, email: found.user.email } : null;
  },

  async listEventTypes(userUri) {
    return (await collect<RawEventType>("/event_types", { user: userUri, active: "true" })).map(eventType);
  },

  async getEventType(uri) {
    // Only Calendly's own event type URIs are fetched: the URI comes from a request.
    const prefix = `${getEnv().CALENDLY_API_BASE.replace(/\/$/, "")}/event_types/`;
    if (!uri.startsWith(prefix) || !/^[\w-]+$/.test(uri.slice(prefix.length))) return null;
    try {
      return eventType((await call<{ resource: RawEventType }>(uri)).resource);
    } catch (error) {
      if (error instanceof CalendlyApiError && error.status === 404) return null;
      throw error;
    }
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
