// The hosted checkout page behind `session.url`: GET /pay/<id>, and the form
// posts /pay/<id>/complete ("Pay") and /pay/<id>/cancel ("Cancel").
import type { IncomingMessage, ServerResponse } from "node:http";
import { page } from "./html";
import { matchPath, readBody, redirect, sendHtml } from "./http-util";
import { nowSeconds } from "./stripe-objects";
import { checkoutClosedPage, checkoutPage, paymentDonePage } from "./stripe-pages";
import type { StripeSandbox } from "./stripe-sandbox";

export function createStripeHostedPages(
  sandbox: StripeSandbox,
): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  return async (req, res, path) => {
    const m = matchPath("/pay/:id", path) ?? matchPath("/pay/:id/:action", path);
    const record = m ? sandbox.state.sessions.get(m.id ?? "") : undefined;
    if (!m || !record) {
      return sendHtml(res, 404, page("Not found", "Stripe", "<h1>Checkout Session not found</h1>"));
    }
    const { session } = record;
    // Stripe expires sessions on its own clock; do it when someone next looks.
    if (session.status === "open" && session.expires_at <= nowSeconds()) await sandbox.expireCheckout(session.id);
    if (req.method === "GET" && m.action === undefined) {
      return sendHtml(res, 200, session.status === "open" ? checkoutPage(record) : checkoutClosedPage(record));
    }
    if (req.method !== "POST") return sendHtml(res, 405, page("Method not allowed", "Stripe", "<h1>Method not allowed</h1>"));
    const form = new URLSearchParams(await readBody(req));
    if (session.status !== "open") return sendHtml(res, 409, checkoutClosedPage(record));
    if (m.action === "complete") {
      const email = form.get("email");
      // Awaits delivery so the app has processed the payment before the browser lands on success_url.
      await sandbox.completeCheckout(session.id, email ? { customerEmail: email } : {});
      if (session.success_url) return redirect(res, session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id));
      return sendHtml(res, 200, paymentDonePage());
    }
    if (m.action === "cancel") {
      if (session.cancel_url) return redirect(res, session.cancel_url);
      return sendHtml(res, 200, page("Checkout canceled", "Stripe", "<h1>Checkout canceled</h1>"));
    }
    return sendHtml(res, 404, page("Not found", "Stripe", "<h1>Not found</h1>"));
  };
}
