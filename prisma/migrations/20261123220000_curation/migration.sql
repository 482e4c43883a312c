-- Curation through the API: who added a row, when a value was corrected, and the event history.
CREATE TYPE "CurationAction" AS ENUM ('ADD_PAPER', 'ADD_MATERIAL', 'ADD_MEASUREMENT', 'ADD_COMPUTED_PROPERTY', 'CORRECT_VALUE');

ALTER TABLE "Paper" ADD COLUMN "curatedBy" TEXT;
ALTER TABLE "Material" ADD COLUMN "curatedBy" TEXT;
ALTER TABLE "Measurement" ADD COLUMN "curatedBy" TEXT, ADD COLUMN "correctedAt" TIMESTAMP(3);
ALTER TABLE "ComputedProperty" ADD COLUMN "curatedBy" TEXT, ADD COLUMN "correctedAt" TIMESTAMP(3);

CREATE TABLE "CurationEvent" (
    "id" SERIAL NOT NULL,
    "action" "CurationAction" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "curator" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CurationEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CurationEvent_entityType_entityId_idx" ON "CurationEvent"("entityType", "entityId");
