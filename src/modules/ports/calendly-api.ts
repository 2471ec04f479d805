// The port use-cases need from Calendly (API v2). Implemented over fetch in
// src/server/providers/calendly-client.ts.

export type CalendlyEventType = {
  uri: string;
  name: string;
  slug: string;
  durationMinutes: number;
  schedulingUrl: string;
  active: boolean;
};
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
  listEventTypes(): Promise<CalendlyEventType[]>;
  availableTimes(eventTypeUri: string, start: Date, end: Date): Promise<CalendlyAvailableTime[]>;
  /** Resolves also when the event was already cancelled on Calendly's side. */
  cancelEvent(eventUri: string, reason: string): Promise<void>;
};
