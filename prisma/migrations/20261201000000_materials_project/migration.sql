-- Materials Project as a second source: provenance sources gain a kind (paper or database export)
-- with the export's licence, origin, release, file hash and import time, ten working ions,
-- insertion electrodes, and electrode values as computed properties (electrodeId).
-- (No semicolon may appear in these comments: the PostgreSQL adapter splits scripts on them.)

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('PAPER', 'DATABASE');

-- AlterEnum


ALTER TYPE "WorkingIon" ADD VALUE 'Rb';
ALTER TYPE "WorkingIon" ADD VALUE 'Cs';
ALTER TYPE "WorkingIon" ADD VALUE 'Ca';
ALTER TYPE "WorkingIon" ADD VALUE 'Zn';
ALTER TYPE "WorkingIon" ADD VALUE 'Al';
ALTER TYPE "WorkingIon" ADD VALUE 'Y';

-- AlterEnum
ALTER TYPE "MaterialRole" ADD VALUE 'ELECTRODE';

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "datasetName" TEXT,
ADD COLUMN     "fileSha256" TEXT,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "kind" "SourceKind" NOT NULL DEFAULT 'PAPER',
ADD COLUMN     "licence" TEXT,
ADD COLUMN     "origin" TEXT,
ADD COLUMN     "release" TEXT,
ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "ComputedProperty" ADD COLUMN     "electrodeId" INTEGER;

-- CreateTable
CREATE TABLE "InsertionElectrode" (
    "id" SERIAL NOT NULL,
    "batteryId" TEXT NOT NULL,
    "batteryFormula" TEXT NOT NULL,
    "workingIon" "WorkingIon" NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkFormula" TEXT NOT NULL,
    "chargedMaterialId" INTEGER NOT NULL,
    "dischargedMaterialId" INTEGER NOT NULL,
    "numSteps" INTEGER NOT NULL,
    "elements" TEXT[],
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "InsertionElectrode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InsertionElectrode_batteryId_key" ON "InsertionElectrode"("batteryId");

-- CreateIndex
CREATE INDEX "InsertionElectrode_workingIon_id_idx" ON "InsertionElectrode"("workingIon", "id");

-- CreateIndex
CREATE INDEX "InsertionElectrode_elements_idx" ON "InsertionElectrode" USING GIN ("elements");

-- CreateIndex
CREATE INDEX "InsertionElectrode_chargedMaterialId_idx" ON "InsertionElectrode"("chargedMaterialId");

-- CreateIndex
CREATE INDEX "InsertionElectrode_dischargedMaterialId_idx" ON "InsertionElectrode"("dischargedMaterialId");

-- CreateIndex
CREATE INDEX "InsertionElectrode_paperId_idx" ON "InsertionElectrode"("paperId");

-- CreateIndex
CREATE UNIQUE INDEX "Paper_sourceKey_key" ON "Paper"("sourceKey");

-- CreateIndex
CREATE INDEX "Paper_kind_idx" ON "Paper"("kind");

-- CreateIndex
CREATE INDEX "ComputedProperty_electrodeId_propertyKey_idx" ON "ComputedProperty"("electrodeId", "propertyKey");

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_electrodeId_fkey" FOREIGN KEY ("electrodeId") REFERENCES "InsertionElectrode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsertionElectrode" ADD CONSTRAINT "InsertionElectrode_chargedMaterialId_fkey" FOREIGN KEY ("chargedMaterialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsertionElectrode" ADD CONSTRAINT "InsertionElectrode_dischargedMaterialId_fkey" FOREIGN KEY ("dischargedMaterialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsertionElectrode" ADD CONSTRAINT "InsertionElectrode_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

