-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'EMAIL_TIME_REFUSED';

-- AlterTable
ALTER TABLE "BuilderProfile" ADD COLUMN     "calendlyUserUri" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "BuilderProfile_calendlyUserUri_key" ON "BuilderProfile"("calendlyUserUri");
