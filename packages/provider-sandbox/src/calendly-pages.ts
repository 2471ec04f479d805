// HTML for the Calendly sandbox's hosted pages: slot list, confirm form,
// "You are scheduled", and the invitee's cancel / reschedule pages.
import { escapeHtml, hiddenInputs, page } from "./html";
import type { EventType, Invitee, ScheduledEvent } from "./calendly-objects";

const DAY = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "full" });
const TIME = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", timeStyle: "short" });

export const formatWhen = (ms: number): string => `${DAY.format(ms)}, ${TIME.format(ms)} UTC`;

/** Lists open slots grouped by UTC day; `hrefFor` builds each slot's link. */
export function slotListPage(title: string, eventType: EventType, slots: number[], hrefFor: (ms: number) => string): string {
  const byDay = new Map<string, number[]>();
  for (const t of slots) {
    const key = DAY.format(t);
    byDay.set(key, [...(byDay.get(key) ?? []), t]);
  }
  const sections = [...byDay.entries()]
    .map(
      ([day, times]) =>
        `<section><h2>${escapeHtml(day)}</h2><ul class="slots">${times
          .map(
            (t) =>
              `<li><a href="${escapeHtml(hrefFor(t))}" aria-label="${escapeHtml(formatWhen(t))}">${escapeHtml(TIME.format(t))}</a></li>`,
          )
          .join("")}</ul></section>`,
    )
    .join("\n");
  return page(
    title,
    "Calendly",
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(eventType.name)}: ${eventType.duration} min. Times are in UTC.</p>
${sections || '<p role="status">No times available in this range.</p>'}`,
  );
}

export function confirmPage(opts: {
  eventType: EventType;
  startMs: number;
  action: string;
  name: string;
  email: string;
  hidden: Record<string, string | undefined>;
  button: string;
}): string {
  return page(
    opts.eventType.name,
    "Calendly",
    `<h1>${escapeHtml(opts.eventType.name)}</h1>
<p data-testid="selected-time">${escapeHtml(formatWhen(opts.startMs))} (${opts.eventType.duration} min)</p>
<form method="post" action="${escapeHtml(opts.action)}">
${hiddenInputs(opts.hidden)}
<label for="name">Name</label>
<input id="name" name="name" required autocomplete="name" value="${escapeHtml(opts.name)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="email" value="${escapeHtml(opts.email)}">
<button type="submit">${escapeHtml(opts.button)}</button>
</form>`,
  );
}

export function scheduledPage(invitee: Invitee, event: ScheduledEvent, returnLink?: string): string {
  const back = returnLink ? `<p><a href="${escapeHtml(returnLink)}">Return to the site</a></p>` : "";
  return page(
    "You are scheduled",
    "Calendly",
    `<h1>You are scheduled</h1>
<p role="status">${escapeHtml(event.name)} with ${escapeHtml(event.event_memberships[0]?.user_name ?? "your host")}
on ${escapeHtml(formatWhen(Date.parse(event.start_time)))}.</p>
<p>A calendar invitation has been sent to ${escapeHtml(invitee.email)}.</p>
<p><a href="${escapeHtml(invitee.reschedule_url)}">Reschedule</a> · <a href="${escapeHtml(invitee.cancel_url)}">Cancel</a></p>
${back}`,
  );
}

export function cancelPage(invitee: Invitee, event: ScheduledEvent): string {
  if (invitee.status === "canceled") return canceledPage(event);
  return page(
    "Cancel event",
    "Calendly",
    `<h1>Cancel event</h1>
<p>${escapeHtml(event.name)} on ${escapeHtml(formatWhen(Date.parse(event.start_time)))}</p>
<form method="post">
<label for="reason">Reason for canceling</label>
<input id="reason" name="reason">
<button type="submit">Cancel Event</button>
</form>`,
  );
}

export function canceledPage(event: ScheduledEvent): string {
  return page(
    "Cancellation confirmed",
    "Calendly",
    `<h1>Cancellation confirmed</h1><p role="status">${escapeHtml(event.name)} on ${escapeHtml(
      formatWhen(Date.parse(event.start_time)),
    )} is canceled.</p>`,
  );
}

export function errorPage(title: string, message: string, backHref?: string): string {
  const back = backHref ? `<p><a href="${escapeHtml(backHref)}">Choose another time</a></p>` : "";
  return page(title, "Calendly", `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>${back}`);
}
