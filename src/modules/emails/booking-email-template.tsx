import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";

export type BookingEmailProps = {
  clientName: string;
  /** The kind's one-sentence news; also the inbox preview line. */
  lead: string;
  sessionTitle: string;
  builderName: string;
  /** The start, formatted in the builder's zone with the zone's name. */
  when: string;
  price: string;
  manageUrl: string;
};

const body = { backgroundColor: "#f6f7f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" };
const card = { backgroundColor: "#ffffff", padding: "24px 32px", margin: "24px auto" };
const details = { borderLeft: "3px solid #d0d5dd", paddingLeft: "12px" };

/**
 * The layout all five booking emails share; the kinds differ in subject and lead only. Every
 * line is a block of its own, so the plain-text part derived from this markup reads the same.
 */
export function BookingEmailTemplate(props: BookingEmailProps) {
  return (
    <Html>
      <Head />
      <Preview>{props.lead}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text>Hi {props.clientName},</Text>
          <Text>{props.lead}</Text>
          <Section style={details}>
            <Text>
              <strong>{props.sessionTitle}</strong> with {props.builderName}
              <br />
              When: {props.when}
              <br />
              Price: {props.price}
            </Text>
          </Section>
          <Text>
            Manage your booking: <Link href={props.manageUrl}>{props.manageUrl}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
