import { renderEmail } from "@/modules/emails/render-email";
import type { OutgoingEmail } from "@/modules/ports/mailer";
import type { AccountEmailPayload } from "../account-email-payload";
import { AccountEmailTemplate, type AccountEmailProps } from "./account-email-template";

type Content = { subject: string } & Omit<AccountEmailProps, "name">;

function contentFor(payload: AccountEmailPayload, baseUrl: string): Content {
  switch (payload.template) {
    case "password-reset":
      return {
        subject: "Reset your Builder Bookings password",
        lead: "Someone asked to reset the password of your Builder Bookings account. If it was you, choose a new password with this link. It works once, within an hour.",
        links: [{ label: "Choose a new password", href: payload.url }],
        footer: "If you did not ask for this, ignore this email: your password stays as it is.",
      };
    case "existing-account":
      return {
        subject: "You already have a Builder Bookings account",
        lead: "Someone tried to create an account with this email address. You already have one, so nothing was changed.",
        links: [
          { label: "Sign in", href: `${baseUrl}/sign-in` },
          { label: "Forgot your password? Ask for a reset link", href: `${baseUrl}/forgot-password` },
        ],
        footer: "If it was not you, ignore this email: nobody can sign in to your account without your password.",
      };
  }
}

/** An account email, ready for the mailer. */
export function renderAccountEmail(payload: AccountEmailPayload, user: { email: string; name: string }, baseUrl: string): OutgoingEmail {
  const { subject, ...props } = contentFor(payload, baseUrl);
  const { html, text } = renderEmail(<AccountEmailTemplate name={user.name} {...props} />);
  return {
    to: { email: user.email, name: user.name },
    subject,
    text,
    html,
    // For a dynamic template (SENDGRID_BOOKING_TEMPLATE_ID), which must then branch on `kind`.
    templateData: {
      kind: "EMAIL_PASSWORD_RESET",
      template: payload.template,
      subject,
      lead: props.lead,
      actionUrl: props.links[0]?.href ?? null,
    },
    customArgs: { kind: "EMAIL_PASSWORD_RESET", template: payload.template },
    attachments: [],
  };
}
