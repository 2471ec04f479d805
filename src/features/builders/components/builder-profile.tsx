import Link from "next/link";
import type { BuilderPublic } from "@/trpc/types";
import { formatMoney } from "@/core/money/money";
import { TagList } from "./tag-list";

/** A builder's public profile, rendered on the server (search engines and link previews read it). */
export function BuilderProfile({ builder, refundPolicy }: { builder: BuilderPublic; refundPolicy?: string }) {
  const hasPaidSessions = builder.sessionTypes.some((st) => st.priceCents > 0);
  return (
    <article className="profile">
      <header className="profile-header">
        <h1>{builder.displayName}</h1>
        <p className="lead">{builder.headline}</p>
        <p className="muted">Based in the {builder.timeZone.replaceAll("_", " ")} time zone</p>
        <TagList tags={builder.tags} />
      </header>

      {builder.bio ? (
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading">About</h2>
          <p className="prewrap">{builder.bio}</p>
        </section>
      ) : null}

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        {builder.sessionTypes.length === 0 ? (
          // Such a profile is left out of the marketplace and the sitemap but stays reachable
          // by its link, so it says plainly why there is nothing to book.
          <div className="notice">
            <p>
              <strong>No sessions available right now.</strong>
            </p>
            <p className="muted">{builder.displayName} is not taking bookings at the moment. Please check back later.</p>
          </div>
        ) : (
          <ul className="session-list">
            {builder.sessionTypes.map((st) => (
              <li key={st.id} className="card session-card">
                <div>
                  <h3>{st.title}</h3>
                  <p className="muted">
                    {st.durationMinutes} min ·{" "}
                    <span className="price">{formatMoney({ amountCents: st.priceCents, currency: st.currency })}</span>
                  </p>
                  {st.description ? <p className="prewrap">{st.description}</p> : null}
                  {st.viaCalendly ? (
                    <p className="muted calendly-note" data-testid="calendly-note">
                      Times come from {builder.displayName}&apos;s Calendly.
                    </p>
                  ) : null}
                </div>
                <Link className="button" href={`/builders/${encodeURIComponent(builder.slug)}/book/${encodeURIComponent(st.id)}`}>
                  Book<span className="visually-hidden"> {st.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {hasPaidSessions && refundPolicy ? (
          <p className="refund-policy" data-testid="refund-policy">
            <strong>Cancellation policy for paid sessions:</strong> {refundPolicy}
          </p>
        ) : null}
      </section>
    </article>
  );
}
