-- Property semantics live with the vocabulary (seeds/vocabulary.yaml), not in lists in code:
-- the direction of improvement, whether a key is a test-set-up parameter, and which derived
-- fields read it, and the controlled sites of keys whose derivations match on the site.

-- CreateEnum
CREATE TYPE "Better" AS ENUM ('HIGHER', 'LOWER');

-- AlterTable
ALTER TABLE "PropertyKey" ADD COLUMN "better" "Better",
ADD COLUMN "setup" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "usedBy" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "sites" TEXT[] DEFAULT ARRAY[]::TEXT[];
