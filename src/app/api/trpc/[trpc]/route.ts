import { handleTrpcRequest } from "@/server/trpc/http-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = (req: Request) => handleTrpcRequest(req);

export { handler as GET, handler as POST };
