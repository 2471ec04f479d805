-- CreateEnum
CREATE TYPE "FunnelStep" AS ENUM ('SLOTS_REQUESTED');

-- AlterEnum
ALTER TYPE "LeverName" ADD VALUE 'MANUAL_BOOKING_MODE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_BUILDER_NEW_BOOKING';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_BUILDER_CANCELLATION';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_BUILDER_RESCHEDULE';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_BUILDER_PAYMENT_RECEIVED';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_REMINDER_CLIENT';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_REMINDER_BUILDER';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_PAYMENT_LINK';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_HOLD_EXPIRED';
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_PASSWORD_RESET';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "OutboxStatus" ADD VALUE 'ABANDONED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WebhookStatus" ADD VALUE 'HELD';
ALTER TYPE "WebhookStatus" ADD VALUE 'DISMISSED';

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "attentionRaisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "calendlyCancelUrl" TEXT,
ADD COLUMN     "calendlyRescheduleUrl" TEXT,
ADD COLUMN     "clientTimeZone" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "bookingId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "bookingId" TEXT;

-- CreateTable
CREATE TABLE "BookingTransition" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "transition" TEXT NOT NULL,
    "fromStatus" "BookingStatus",
    "toStatus" "BookingStatus" NOT NULL,
    "fromPayment" "PaymentStatus",
    "toPayment" "PaymentStatus" NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "webhookEventId" TEXT,
    "cause" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookingTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunnelCount" (
    "day" DATE NOT NULL,
    "step" "FunnelStep" NOT NULL,
    "builderId" TEXT NOT NULL,
    "sessionTypeId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FunnelCount_pkey" PRIMARY KEY ("day","step","builderId","sessionTypeId")
);

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "mismatches" INTEGER NOT NULL DEFAULT 0,
    "missedEvents" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BookingTransition_bookingId_createdAt_idx" ON "BookingTransition"("bookingId", "createdAt");

-- CreateIndex
CREATE INDEX "BookingTransition_createdAt_transition_idx" ON "BookingTransition"("createdAt", "transition");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_userId_idx" ON "OutboxMessage"("userId");

-- CreateIndex
CREATE INDEX "WebhookEvent_bookingId_idx" ON "WebhookEvent"("bookingId");

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingTransition" ADD CONSTRAINT "BookingTransition_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An outbox message is about a booking or, for account emails, a user.
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_booking_or_user" CHECK ("bookingId" IS NOT NULL OR "userId" IS NOT NULL);
