-- DropIndex
DROP INDEX "BuilderProfile_published_displayName_idx";

-- CreateIndex
CREATE INDEX "BuilderProfile_published_displayName_id_idx" ON "BuilderProfile"("published", "displayName", "id");
