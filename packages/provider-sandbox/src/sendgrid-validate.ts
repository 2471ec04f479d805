// Request validation of SendGrid's v3 Mail Send, mirroring the checks (and
// messages) the real endpoint applies, so a malformed send fails in tests
// instead of silently "working" against a lenient fake. SendGrid reports all
// problems at once, so errors are collected, not thrown.
import { isRecord } from "./http-util";

export type SendgridError = { message: string; field: string | null; help: string | null };

const HELP_BASE = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.";
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function err(message: string, field: string): SendgridError {
  // Help anchors are keyed by the field path without array indices.
  return { message, field, help: HELP_BASE + field.replace(/\.\d+/g, "") };
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

function checkAddresses(list: unknown, field: string, required: boolean, errors: SendgridError[]): void {
  if (list === undefined && !required) return;
  if (!Array.isArray(list) || list.length === 0) {
    if (required) {
      errors.push(
        err(
          "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
          field,
        ),
      );
    }
    return;
  }
  list.forEach((addr, j) => {
    const email = isRecord(addr) ? addr.email : undefined;
    if (!nonEmptyString(email) || !EMAIL.test(email)) errors.push(err("Does not contain a valid address.", `${field}.${j}.email`));
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// The real endpoint takes the MIME type bare: a parameter such as "; method=REQUEST" is a 400,
// which is how calendar invites break in production while plain emails keep working.
function checkAttachments(list: unknown, errors: SendgridError[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.push(err("The attachments parameter must be an array of attachment objects.", "attachments"));
    return;
  }
  list.forEach((a, i) => {
    const rec = isRecord(a) ? a : {};
    if (!nonEmptyString(rec.content)) errors.push(err("The attachment content is required.", `attachments.${i}.content`));
    else if (!BASE64.test(rec.content)) errors.push(err("The attachment content must be base64 encoded.", `attachments.${i}.content`));
    if (!nonEmptyString(rec.filename)) errors.push(err("The attachment filename is required.", `attachments.${i}.filename`));
    if (rec.type !== undefined && (!nonEmptyString(rec.type) || /[;\r\n]/.test(rec.type))) {
      errors.push(err("The attachment type cannot contain ';', or CRLF characters.", `attachments.${i}.type`));
    }
  });
}

export function validateMailSend(body: unknown): SendgridError[] {
  if (!isRecord(body)) return [{ message: "Bad Request", field: null, help: null }];
  const errors: SendgridError[] = [];
  const hasTemplate = nonEmptyString(body.template_id);

  const personalizations = body.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push(err("The personalizations field is required and must have at least one personalization.", "personalizations"));
  } else {
    personalizations.forEach((p, i) => {
      const base = `personalizations.${i}`;
      const rec = isRecord(p) ? p : {};
      checkAddresses(rec.to, `${base}.to`, true, errors);
      checkAddresses(rec.cc, `${base}.cc`, false, errors);
      checkAddresses(rec.bcc, `${base}.bcc`, false, errors);
    });
  }

  const from = body.from;
  if (!isRecord(from) || !nonEmptyString(from.email)) {
    errors.push(
      err(
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
        "from.email",
      ),
    );
  } else if (!EMAIL.test(from.email)) {
    errors.push(err("The from email does not contain a valid address.", "from.email"));
  }
  if (body.reply_to !== undefined) {
    const replyTo = isRecord(body.reply_to) ? body.reply_to.email : undefined;
    if (!nonEmptyString(replyTo) || !EMAIL.test(replyTo)) errors.push(err("Does not contain a valid address.", "reply_to.email"));
  }

  const everyPersonalizationHasSubject =
    Array.isArray(personalizations) &&
    personalizations.length > 0 &&
    personalizations.every((p) => isRecord(p) && nonEmptyString(p.subject));
  if (!hasTemplate && !nonEmptyString(body.subject) && !everyPersonalizationHasSubject) {
    errors.push(
      err(
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
        "subject",
      ),
    );
  }

  const content = body.content;
  if (content === undefined || (Array.isArray(content) && content.length === 0)) {
    if (!hasTemplate) {
      errors.push(
        err(
          "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
          "content",
        ),
      );
    }
  } else if (!Array.isArray(content)) {
    errors.push(err("The content parameter must be an array of content blocks.", "content"));
  } else {
    content.forEach((c, k) => {
      const rec = isRecord(c) ? c : {};
      if (!nonEmptyString(rec.type) || /[;\r\n]/.test(rec.type)) {
        errors.push(err("The content type cannot contain ';', or CRLF characters.", `content.${k}.type`));
      }
      if (typeof rec.value !== "string" || rec.value.length === 0) {
        errors.push(err("The content value must be a string at least one character in length.", `content.${k}.value`));
      }
    });
    const plainIndex = content.findIndex((c) => isRecord(c) && c.type === "text/plain");
    if (plainIndex > 0) {
      errors.push(err("If present, text/plain content must be first, followed by text/html, followed by any other content.", "content"));
    }
  }

  checkAttachments(body.attachments, errors);

  if (body.custom_args !== undefined) {
    const args = isRecord(body.custom_args) ? Object.values(body.custom_args) : [null];
    if (args.some((v) => typeof v !== "string")) {
      errors.push(err("Custom args must be a JSON object whose values are strings.", "custom_args"));
    }
  }
  return errors;
}
