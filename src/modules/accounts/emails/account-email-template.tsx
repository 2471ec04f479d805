import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailFrame } from "@/modules/emails/email-frame";

export type AccountEmailProps = {
  name: string;
  /** The one-sentence reason for the email; also the inbox preview line. */
  lead: string;
  links: { label: string; href: string }[];
  /** What to do if the reader did not ask for this. */
  footer: string;
};

const muted = { color: "#475467", fontSize: "14px" };

/**
 * The layout of account emails (password reset, sign-up with a known address). Each link is
 * printed in full as well, so the plain-text part derived from this markup carries it.
 */
export function AccountEmailTemplate(props: AccountEmailProps) {
  return (
    <EmailFrame name={props.name} lead={props.lead}>
      {props.links.map((link) => (
        <Text key={link.href}>
          {link.label}: <Link href={link.href}>{link.href}</Link>
        </Text>
      ))}
      <Text style={muted}>{props.footer}</Text>
    </EmailFrame>
  );
}
