import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";

export type AccountEmailProps = {
  name: string;
  /** The one-sentence reason for the email; also the inbox preview line. */
  lead: string;
  links: { label: string; href: string }[];
  /** What to do if the reader did not ask for this. */
  footer: string;
};

const body = { backgroundColor: "#f6f7f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" };
const card = { backgroundColor: "#ffffff", padding: "24px 32px", margin: "24px auto" };
const muted = { color: "#475467", fontSize: "14px" };

/**
 * The layout of account emails (password reset, sign-up with a known address). Each link is
 * printed in full as well, so the plain-text part derived from this markup carries it.
 */
export function AccountEmailTemplate(props: AccountEmailProps) {
  return (
    <Html>
      <Head />
      <Preview>{props.lead}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text>Hi {props.name},</Text>
          <Text>{props.lead}</Text>
          {props.links.map((link) => (
            <Text key={link.href}>
              {link.label}: <Link href={link.href}>{link.href}</Link>
            </Text>
          ))}
          <Text style={muted}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
