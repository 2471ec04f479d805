// The port use-cases need to send an email (the SendGrid adapter implements it). Its types are
// still declared in src/modules/emails/mailer.ts, which the email templates use too; importers
// outside emails take them from here.
export { MailSendError, type Mailer, type OutgoingEmail } from "@/modules/emails/mailer";
