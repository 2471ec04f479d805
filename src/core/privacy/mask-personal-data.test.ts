import { describe, expect, it } from "vitest";
import { MASKED, maskPersonalData } from "./mask-personal-data";

const calendlyInvitee = {
  event: "invitee.created",
  created_at: "2026-12-08T15:00:00.000000Z",
  payload: {
    uri: "https://api.calendly.com/scheduled_events/E1/invitees/I1",
    email: "ada@example.test",
    name: "Ada Lovelace",
    first_name: "Ada",
    last_name: null,
    status: "active",
    timezone: "Europe/London",
    text_reminder_number: "+44 20 7946 0000",
    questions_and_answers: [{ question: "What should we cover?", answer: "My startup's cap table", position: 0 }],
    tracking: { utm_content: "booking-123", utm_source: null },
    cancellation: { canceled_by: "Ada Lovelace", reason: "Sick today", canceler_type: "invitee" },
    scheduled_event: {
      uri: "https://api.calendly.com/scheduled_events/E1",
      start_time: "2026-12-08T15:00:00.000000Z",
      end_time: "2026-12-08T16:00:00.000000Z",
      event_type: "https://api.calendly.com/event_types/T1",
      location: { type: "physical", location: "12 Baker Street, London" },
      event_memberships: [{ user: "https://api.calendly.com/users/U1", user_email: "grace@example.test", user_name: "Grace Hopper" }],
    },
  },
};

const stripeCheckout = {
  id: "evt_1",
  type: "checkout.session.completed",
  created: 1765206000,
  data: {
    object: {
      id: "cs_test_1",
      amount_total: 4900,
      currency: "usd",
      client_reference_id: "booking-123",
      metadata: { bookingId: "booking-123", contact: "reach me at bob@example.test" },
      customer_email: "bob@example.test",
      customer_details: {
        email: "bob@example.test",
        name: "Bob Client",
        phone: null,
        address: { line1: "1 Main St", city: "Springfield", postal_code: "12345", country: "US" },
      },
      payment_status: "paid",
    },
  },
};

describe("maskPersonalData", () => {
  it("masks a Calendly invitee's name, email, phone, answers, reasons and meeting place, keeping ids, types and times", () => {
    const masked = maskPersonalData(calendlyInvitee) as typeof calendlyInvitee;
    expect(masked.payload).toMatchObject({
      uri: calendlyInvitee.payload.uri,
      email: MASKED,
      name: MASKED,
      first_name: MASKED,
      last_name: null,
      status: "active",
      timezone: "Europe/London",
      text_reminder_number: MASKED,
      questions_and_answers: [{ question: "What should we cover?", answer: MASKED, position: 0 }],
      tracking: { utm_content: "booking-123", utm_source: null },
      cancellation: { canceled_by: MASKED, reason: MASKED, canceler_type: "invitee" },
    });
    expect(masked.payload.scheduled_event).toEqual({
      uri: "https://api.calendly.com/scheduled_events/E1",
      start_time: "2026-12-08T15:00:00.000000Z",
      end_time: "2026-12-08T16:00:00.000000Z",
      event_type: "https://api.calendly.com/event_types/T1",
      location: { type: MASKED, location: MASKED },
      event_memberships: [{ user: "https://api.calendly.com/users/U1", user_email: MASKED, user_name: MASKED }],
    });
    expect(masked.event).toBe("invitee.created");
    expect(masked.created_at).toBe(calendlyInvitee.created_at);
  });

  it("masks a Stripe customer's details and any email inside free text, keeping amounts and ids", () => {
    const masked = maskPersonalData(stripeCheckout) as typeof stripeCheckout;
    expect(masked).toEqual({
      id: "evt_1",
      type: "checkout.session.completed",
      created: 1765206000,
      data: {
        object: {
          id: "cs_test_1",
          amount_total: 4900,
          currency: "usd",
          client_reference_id: "booking-123",
          metadata: { bookingId: "booking-123", contact: `reach me at ${MASKED}` },
          customer_email: MASKED,
          customer_details: {
            email: MASKED,
            name: MASKED,
            phone: null,
            address: { line1: MASKED, city: MASKED, postal_code: MASKED, country: MASKED },
          },
          payment_status: "paid",
        },
      },
    });
  });

  it("leaves no personal value anywhere in the output, and does not change its input", () => {
    const before = JSON.stringify(calendlyInvitee) + JSON.stringify(stripeCheckout);
    const out = JSON.stringify(maskPersonalData(calendlyInvitee)) + JSON.stringify(maskPersonalData(stripeCheckout));
    for (const secret of ["ada@", "Ada", "Lovelace", "bob@", "Bob Client", "Baker", "7946", "cap table", "Sick", "Springfield", "1 Main"]) {
      expect(out).not.toContain(secret);
    }
    expect(JSON.stringify(calendlyInvitee) + JSON.stringify(stripeCheckout)).toBe(before);
  });

  it("matches keys regardless of case and separators, and passes scalars and empty values through", () => {
    expect(maskPersonalData({ CustomerEmail: "x@y.test", "Receipt-Email": "x@y.test", InviteeName: "X" })).toEqual({
      CustomerEmail: MASKED,
      "Receipt-Email": MASKED,
      InviteeName: MASKED,
    });
    expect(maskPersonalData(null)).toBeNull();
    expect(maskPersonalData(42)).toBe(42);
    expect(maskPersonalData("plain text")).toBe("plain text");
    expect(maskPersonalData({ type: "event_type", event_type_name: "keep?", filename: "a.pdf" })).toEqual({
      type: "event_type",
      event_type_name: "keep?",
      filename: "a.pdf",
    });
    expect(maskPersonalData([{ email: "a@b.test" }, "c@d.test"])).toEqual([{ email: MASKED }, MASKED]);
  });
});
