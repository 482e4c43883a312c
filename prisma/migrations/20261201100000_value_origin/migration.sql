-- Curator inference as provenance: whether a fact's value was printed, inferred, computed or read
-- off a figure by the curator (and how), and per condition where it is printed or how it was obtained.

-- CreateEnum
CREATE TYPE "ValueOrigin" AS ENUM ('PRINTED', 'INFERRED', 'COMPUTED', 'READ_OFF_FIGURE');

-- AlterTable
ALTER TABLE "Measurement" ADD COLUMN "origin" "ValueOrigin" NOT NULL DEFAULT 'PRINTED',
ADD COLUMN "originNote" TEXT,
ADD COLUMN "conditionSources" JSONB;

-- AlterTable
ALTER TABLE "ComputedProperty" ADD COLUMN "origin" "ValueOrigin" NOT NULL DEFAULT 'PRINTED',
ADD COLUMN "originNote" TEXT;

-- AlterTable
ALTER TABLE "FamilyFact" ADD COLUMN "origin" "ValueOrigin" NOT NULL DEFAULT 'PRINTED',
ADD COLUMN "originNote" TEXT;
