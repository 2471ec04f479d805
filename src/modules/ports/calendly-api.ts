// The port use-cases need from Calendly (API v2). Implemented over fetch in
// src/server/providers/calendly-client.ts. The platform holds one token, its organization
// owner's; each builder is a user of that organization with their own event types.

export type CalendlyEventType = {
  uri: string;
  name: string;
  slug: string;
  durationMinutes: number;
  schedulingUrl: string;
  active: boolean;
  /** The Calendly user who hosts it (`profile.owner`). */
  ownerUri: string;
};

/** A user of the platform's Calendly organization (an organization membership's user). */
export type CalendlyMember = { userUri: string; name: string; email: string };

export type CalendlyAvailableTime = { startTime: Date; schedulingUrl: string };

export class CalendlyApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "CalendlyApiError";
  }
  get retryable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

export type CalendlyApi = {
  /** The member of the platform's organization with this email, or null when there is none. */
  findMember(email: string): Promise<CalendlyMember | null>;
  /** The active event types one user hosts. */
  listEventTypes(userUri: string): Promise<CalendlyEventType[]>;
  /** One event type, or null when Calendly does not know it. */
  getEventType(uri: string): Promise<CalendlyEventType | null>;
  availableTimes(eventTypeUri: string, start: Date, end: Date): Promise<CalendlyAvailableTime[]>;
  /** Resolves also when the event was already cancelled on Calendly's side. */
  cancelEvent(eventUri: string, reason: string): Promise<void>;
};
