import { createAuthClient } from "better-auth/react";

/**
 * better-auth browser client. The server is mounted at `/api/auth/*` on the same
 * origin, so the default base URL (the window origin) is correct.
 */
export const authClient = createAuthClient();
