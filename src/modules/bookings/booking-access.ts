import { manageTokenMatches } from "./manage-token";
import { isAdmin, type Actor } from "@/modules/shared/actor";

export type BookingAccessFacts = {
  clientId: string | null;
  manageTokenHash: string | null;
  builder: { userId: string };
};

export type BookingRelation = "admin" | "client" | "builder" | "token" | null;

/** The client who booked, the builder, an admin, or whoever holds the manage token. */
export function relationToBooking(booking: BookingAccessFacts, actor: Actor): BookingRelation {
  if (isAdmin(actor)) return "admin";
  if (actor.userId && booking.clientId === actor.userId) return "client";
  if (actor.userId && booking.builder.userId === actor.userId) return "builder";
  if (manageTokenMatches(actor.manageToken, booking.manageTokenHash)) return "token";
  return null;
}
