/** Who caused a lifecycle change, as recorded on its BookingTransition row. */
export type ActorType = "SYSTEM" | "CLIENT" | "BUILDER" | "ADMIN" | "CALENDLY" | "STRIPE";

export type TransitionActor = {
  type: ActorType;
  /** The user, when a person acted in our app. */
  id?: string | null;
  /** The inbox row whose processing made the change. */
  webhookEventId?: string | null;
  /** A short why: an operator's reason, an event type, "sweep", ... */
  cause?: string | null;
};

/** What a writer records when its caller names no one: the system's own clock or rules. */
export const SYSTEM_ACTOR: TransitionActor = { type: "SYSTEM" };

/** The history columns of an actor (the rest of the row is the transition itself). */
export function actorColumns(actor: TransitionActor = SYSTEM_ACTOR) {
  return {
    actorType: actor.type,
    actorId: actor.id ?? null,
    webhookEventId: actor.webhookEventId ?? null,
    // An operator's reason may be long; the history keeps its start (the audit row keeps it whole).
    cause: actor.cause ? actor.cause.slice(0, 500) : null,
  };
}

/** A provider's event, as processed from the inbox (`webhookEventId` links the history to the inbox row). */
export function providerActor(
  type: "CALENDLY" | "STRIPE",
  { webhookEventId, eventType }: { webhookEventId?: string | undefined; eventType: string },
): TransitionActor {
  return { type, webhookEventId: webhookEventId ?? null, cause: eventType };
}
