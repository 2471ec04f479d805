// The sandbox inbox: what a developer opens to see the emails the app "sent".
import { escapeHtml, page } from "./html";
import { isRecord } from "./http-util";

export type ReceivedMail = {
  messageId: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  at: Date;
};

/** Every `to` address of every personalization. */
export function recipients(mail: ReceivedMail): string[] {
  const list = Array.isArray(mail.body.personalizations) ? mail.body.personalizations : [];
  return list.flatMap((p) =>
    isRecord(p) && Array.isArray(p.to) ? p.to.flatMap((t) => (isRecord(t) && typeof t.email === "string" ? [t.email] : [])) : [],
  );
}

export function subjectOf(mail: ReceivedMail): string {
  const list: unknown[] = Array.isArray(mail.body.personalizations) ? mail.body.personalizations : [];
  const first = list[0];
  if (isRecord(first) && typeof first.subject === "string") return first.subject;
  if (typeof mail.body.subject === "string") return mail.body.subject;
  return typeof mail.body.template_id === "string" ? `(template ${mail.body.template_id})` : "(no subject)";
}

export function contentOf(mail: ReceivedMail, type: string): string | undefined {
  const blocks: unknown[] = Array.isArray(mail.body.content) ? mail.body.content : [];
  const block = blocks.find((c) => isRecord(c) && c.type === type);
  return isRecord(block) && typeof block.value === "string" ? block.value : undefined;
}

export type ReceivedAttachment = { filename: string; type: string | undefined; disposition: string | undefined; content: string };

/** The attachments as sent, their base64 content decoded as UTF-8 text. */
export function attachmentsOf(mail: ReceivedMail): ReceivedAttachment[] {
  const list: unknown[] = Array.isArray(mail.body.attachments) ? mail.body.attachments : [];
  return list.filter(isRecord).map((a) => ({
    filename: String(a.filename),
    type: typeof a.type === "string" ? a.type : undefined,
    disposition: typeof a.disposition === "string" ? a.disposition : undefined,
    content: Buffer.from(String(a.content), "base64").toString("utf8"),
  }));
}

/** A JSON scalar as page text; anything else shows nothing. */
function scalar(value: unknown): string | number | undefined {
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

export function inboxPage(messages: readonly ReceivedMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr><td>${escapeHtml(recipients(m).join(", "))}</td>
<td><a href="/messages/${encodeURIComponent(m.messageId)}">${escapeHtml(subjectOf(m))}</a></td>
<td><time datetime="${m.at.toISOString()}">${escapeHtml(m.at.toISOString())}</time></td></tr>`,
    )
    .join("\n");
  const table = messages.length
    ? `<table aria-label="Received emails"><thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p role="status">No emails yet.</p>';
  return page("Inbox", "SendGrid", `<h1>Inbox (${messages.length})</h1>\n${table}`);
}

/**
 * The email itself: its HTML part served as-is (so links in it can be
 * followed by a browser test), else the text part, else the template data.
 */
export function messagePage(mail: ReceivedMail): string {
  const html = contentOf(mail, "text/html");
  if (html !== undefined) return html;
  const text = contentOf(mail, "text/plain");
  const detail =
    text !== undefined
      ? `<pre>${escapeHtml(text)}</pre>`
      : `<p>Dynamic template <code>${escapeHtml(scalar(mail.body.template_id))}</code> with data:</p><pre>${escapeHtml(
          JSON.stringify(
            (Array.isArray(mail.body.personalizations) ? mail.body.personalizations : []).map((p) =>
              isRecord(p) ? p.dynamic_template_data : undefined,
            ),
            null,
            2,
          ),
        )}</pre>`;
  return page(
    subjectOf(mail),
    "SendGrid",
    `<h1>${escapeHtml(subjectOf(mail))}</h1>
<p>To: ${escapeHtml(recipients(mail).join(", "))}</p>${detail}`,
  );
}
