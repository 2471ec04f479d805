import type { PrismaClient } from "@/generated/prisma/client";

/** The database client, for use-cases that open their own transactions (or none). */
export type Db = PrismaClient;

/** What use-cases take: the client or an interactive transaction of it. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
