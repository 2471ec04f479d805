// `npm run dev`: the whole product for a newcomer, with no env file and no accounts.
import { runNext } from "./lib/run-next";
import { startLocalStack } from "./lib/local-stack";

const port = Number(process.env.PORT ?? 3000);
const stack = await startLocalStack({ appPort: port });
await runNext(["dev", "--port", String(port)], stack);
