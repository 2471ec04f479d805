-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "claimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "outcomeUnknownAt" TIMESTAMPTZ(3);
