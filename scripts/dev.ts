// `npm run dev`: the whole product for a newcomer, with no env file and no accounts.
import { startLocalStack } from "@booking/devstack";
import { runNext } from "./lib/run-next";
import { localDemo } from "./seed/local-demo";

const port = Number(process.env.PORT ?? 3000);
const stack = await startLocalStack({ appPort: port, ...localDemo });
await runNext(["dev", "--port", String(port)], stack);
