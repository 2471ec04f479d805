import type { OwnSessionType } from "@/trpc/types";
import { formatMoney } from "@/core/money/money";

/** A session type's title and details, as both the live and the archived lists show them. */
export function SessionTypeSummary({ sessionType: st, headingLevel }: { sessionType: OwnSessionType; headingLevel: "h3" | "h4" }) {
  const Heading = headingLevel;
  return (
    <div className="session-type-summary">
      <Heading>{st.title}</Heading>
      <p className="muted">
        {st.durationMinutes} min · {formatMoney({ amountCents: st.priceCents, currency: st.currency })} · /{st.slug}
        {st.calendlyEventTypeUri ? " · Calendly linked" : ""}
      </p>
    </div>
  );
}
