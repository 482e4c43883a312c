-- Facts about a family, a series or a set of materials as a whole (issue 14): stored apart from
-- every member's own facts, so material property-range filters never match them.
-- CreateEnum
CREATE TYPE "FamilyAggregate" AS ENUM ('MEAN', 'MIN', 'MAX', 'LOWER_BOUND', 'UPPER_BOUND', 'EACH', 'TYPICAL', 'CRITERION');

-- CreateTable
CREATE TABLE "FamilyFact" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "familyKey" TEXT NOT NULL,
    "propertyKey" TEXT NOT NULL,
    "aggregate" "FamilyAggregate" NOT NULL,
    "value" DOUBLE PRECISION,
    "valueMax" DOUBLE PRECISION,
    "textValue" TEXT,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EQ',
    "uncertainty" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "canonicalValue" DOUBLE PRECISION,
    "site" TEXT,
    "methodId" INTEGER,
    "note" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "FamilyFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyFactMember" (
    "familyFactId" INTEGER NOT NULL,
    "materialId" INTEGER NOT NULL,

    CONSTRAINT "FamilyFactMember_pkey" PRIMARY KEY ("familyFactId","materialId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FamilyFact_fingerprint_key" ON "FamilyFact"("fingerprint");

-- CreateIndex
CREATE INDEX "FamilyFact_familyKey_id_idx" ON "FamilyFact"("familyKey", "id");

-- CreateIndex
CREATE INDEX "FamilyFact_paperId_idx" ON "FamilyFact"("paperId");

-- CreateIndex
CREATE INDEX "FamilyFactMember_materialId_idx" ON "FamilyFactMember"("materialId");

-- AddForeignKey
ALTER TABLE "FamilyFact" ADD CONSTRAINT "FamilyFact_familyKey_fkey" FOREIGN KEY ("familyKey") REFERENCES "MaterialFamily"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyFact" ADD CONSTRAINT "FamilyFact_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "PropertyKey"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyFact" ADD CONSTRAINT "FamilyFact_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "ComputationalMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyFact" ADD CONSTRAINT "FamilyFact_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyFactMember" ADD CONSTRAINT "FamilyFactMember_familyFactId_fkey" FOREIGN KEY ("familyFactId") REFERENCES "FamilyFact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyFactMember" ADD CONSTRAINT "FamilyFactMember_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

