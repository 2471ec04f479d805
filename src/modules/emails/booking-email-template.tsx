import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { EmailFrame } from "./email-frame";

export type BookingEmailProps = {
  recipientName: string;
  /** The kind's one-sentence news; also the inbox preview line. */
  lead: string;
  sessionTitle: string;
  /** The other side of the session: the builder for a client, the client for a builder. */
  withName: string;
  /** "When: ...", "Price: ..." and the like, times in the reader's zone with the zone named. */
  details: string[];
  /** Sentences after the facts: the cancellation policy, a refund's result. */
  notes: string[];
  action: { label: string; url: string };
};

const detailsStyle = { borderLeft: "3px solid #d0d5dd", paddingLeft: "12px" };

/**
 * The layout every booking email shares, to a client or a builder; the kinds differ in their
 * words only. Every line is a block or a break of its own, so the plain-text part derived from
 * this markup reads the same.
 */
export function BookingEmailTemplate(props: BookingEmailProps) {
  return (
    <EmailFrame name={props.recipientName} lead={props.lead}>
      <Section style={detailsStyle}>
        <Text>
          <strong>{props.sessionTitle}</strong> with {props.withName}
          {props.details.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
        </Text>
      </Section>
      {props.notes.map((note) => (
        <Text key={note}>{note}</Text>
      ))}
      <Text>
        {props.action.label}: <Link href={props.action.url}>{props.action.url}</Link>
      </Text>
    </EmailFrame>
  );
}
