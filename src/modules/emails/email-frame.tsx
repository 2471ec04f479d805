import type { ReactNode } from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";

const body = { backgroundColor: "#f6f7f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" };
const card = { backgroundColor: "#ffffff", padding: "24px 32px", margin: "24px auto" };

/**
 * What every email of ours shares, booking or account: the page and card, the greeting and the
 * one-sentence lead (also the inbox preview line); the kind's own blocks follow.
 */
export function EmailFrame({ name, lead, children }: { name: string; lead: string; children: ReactNode }) {
  return (
    <Html>
      <Head />
      <Preview>{lead}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text>Hi {name},</Text>
          <Text>{lead}</Text>
          {children}
        </Container>
      </Body>
    </Html>
  );
}
