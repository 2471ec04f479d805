import type { ReactElement } from "react";
import { toPlainText } from "@react-email/render";

// Loaded the way React Email's render() loads it: Next refuses a static import of
// react-dom/server in the server graph the in-process job workers run in (instrumentation),
// and resolves one there to React's server-components stub. Loaded with this module, not at
// the first send: `npm run worker` sets NODE_ENV=production after its imports have loaded
// React, and a renderer loaded later would run in the other mode than the elements it renders.
const server = await import("react-dom/server");

// What React Email's render() puts before the markup.
const DOCTYPE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`;

/**
 * The HTML and plain-text parts of one email template, as React Email's render() gives them
 * (see the test), but synchronously: render() streams so templates may suspend, and ours
 * suspend on nothing. The text part is the conversion render(..., { plainText: true }) applies.
 */
export function renderEmail(template: ReactElement): { html: string; text: string } {
  const markup = server.renderToStaticMarkup(template);
  return { html: DOCTYPE + markup, text: toPlainText(markup) };
}
