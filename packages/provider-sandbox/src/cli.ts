// `npm run sandbox`: only the provider sandboxes, on the ports and secrets read from the
// environment (variables listed in start.ts), until Ctrl-C.
import { sandboxOptionsFromEnv, startAllSandboxes } from "./start";

async function main(): Promise<void> {
  const running = await startAllSandboxes(sandboxOptionsFromEnv());
  const lines = [
    `Stripe sandbox    ${running.urls.stripe}   (API /v1, checkout pages /pay/<id>, controls /__sandbox)`,
    `SendGrid sandbox  ${running.urls.sendgrid}   (inbox at /, API /v3/mail/send)`,
    `Calendly sandbox  ${running.urls.calendly}   (API, pages /${running.calendly.username}/<slug>)`,
    "",
    "Calendly event types:",
    ...[...running.calendly.state.eventTypes.values()].map((et) => `  ${et.name.padEnd(14)} ${et.uri}  ${et.scheduling_url}`),
    "",
    "Point the app at them with:",
    ...Object.entries(running.env).map(([k, v]) => `  ${k}=${v}`),
  ];
  console.log(lines.join("\n"));
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
