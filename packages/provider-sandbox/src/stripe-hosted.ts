// The hosted checkout page behind `session.url`: GET /pay/<id>, and the form
// posts /pay/<id>/complete ("Pay") and /pay/<id>/cancel ("Cancel").
import { page } from "./html";
import { htmlResponse, isUnder, readBody, redirectResponse } from "./http-util";
import type { SandboxApp, SandboxContext } from "./http-util";
import { nowSeconds } from "./stripe-objects";
import { checkoutClosedPage, checkoutPage, paymentDonePage } from "./stripe-pages";
import type { StripeSandbox } from "./stripe-sandbox";

export function mountStripeHostedPages(app: SandboxApp, sandbox: StripeSandbox): void {
  const notFound = (): Response => htmlResponse(404, page("Not found", "Stripe", "<h1>Checkout Session not found</h1>"));

  async function checkout(c: SandboxContext): Promise<Response> {
    const action = c.req.param("action");
    const record = sandbox.state.sessions.get(c.req.param("id") ?? "");
    if (!record) return notFound();
    const { session } = record;
    // Stripe expires sessions on its own clock; do it when someone next looks.
    if (session.status === "open" && session.expires_at <= nowSeconds()) await sandbox.expireCheckout(session.id);
    if (c.req.method === "GET" && action === undefined) {
      return htmlResponse(200, session.status === "open" ? checkoutPage(record) : checkoutClosedPage(record));
    }
    if (c.req.method !== "POST") return htmlResponse(405, page("Method not allowed", "Stripe", "<h1>Method not allowed</h1>"));
    const form = new URLSearchParams(await readBody(c));
    if (session.status !== "open") return htmlResponse(409, checkoutClosedPage(record));
    if (action === "complete") {
      const email = form.get("email");
      // Awaits delivery so the app has processed the payment before the browser lands on success_url.
      await sandbox.completeCheckout(session.id, email ? { customerEmail: email } : {});
      if (session.success_url) return redirectResponse(session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id));
      return htmlResponse(200, paymentDonePage());
    }
    if (action === "cancel") {
      if (session.cancel_url) return redirectResponse(session.cancel_url);
      return htmlResponse(200, page("Checkout canceled", "Stripe", "<h1>Checkout canceled</h1>"));
    }
    return htmlResponse(404, page("Not found", "Stripe", "<h1>Not found</h1>"));
  }

  app.all("/pay/:id/:action?", checkout);
  app.all("/pay/*", (c, next) => (isUnder(c, "/pay") ? notFound() : next()));
}
