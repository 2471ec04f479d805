// `npm run start:local`: the production build (`npm run build` first) on local defaults, like
// `npm run dev`: PostgreSQL (DATABASE_URL or the embedded one), migrations, the provider
// sandboxes (unless STRIPE_SECRET_KEY is set), demo data and the published local secrets.
// For trying the built app locally; production is `npm start`, which fails closed instead.
import { startLocalStack } from "@booking/devstack";
import { runNext } from "./lib/run-next";
import { localDemo } from "./seed/local-demo";

const port = Number(process.env.PORT ?? 3000);
const stack = await startLocalStack({ appPort: port, ...localDemo });
await runNext(["start", "--port", String(port)], stack);
