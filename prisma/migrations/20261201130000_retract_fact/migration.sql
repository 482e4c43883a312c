-- A curator can retract a wrong fact: the event keeps the row, seeding skips its fingerprint.
-- AlterEnum
ALTER TYPE "CurationAction" ADD VALUE 'RETRACT_FACT';

-- Seeding looks up retracted fingerprints (before->>'fingerprint') by action.
CREATE INDEX "CurationEvent_action_idx" ON "CurationEvent"("action");
