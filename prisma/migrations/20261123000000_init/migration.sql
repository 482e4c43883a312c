-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "WorkingIon" AS ENUM ('Li', 'Na', 'K', 'Mg');

-- CreateEnum
CREATE TYPE "MaterialRole" AS ENUM ('CATHODE', 'COATED_CATHODE', 'COATING', 'ANODE', 'COMPETING_PHASE', 'PRECURSOR', 'REFERENCE', 'ELECTROLYTE', 'ELEMENTAL');

-- CreateEnum
CREATE TYPE "LatticeSetting" AS ENUM ('HEXAGONAL', 'RHOMBOHEDRAL', 'CUBIC', 'MONOCLINIC', 'ORTHORHOMBIC', 'TETRAGONAL', 'TRICLINIC');

-- CreateEnum
CREATE TYPE "ValueQualifier" AS ENUM ('EQ', 'APPROX', 'LT', 'LE', 'GT', 'GE', 'RANGE');

-- CreateEnum
CREATE TYPE "CellType" AS ENUM ('COIN_HALF_CELL', 'COIN_FULL_CELL', 'POUCH_FULL_CELL', 'CYLINDRICAL_18650', 'SWAGELOK_CELL', 'SYMMETRIC_CELL', 'IN_SITU_XRD_CELL');

-- CreateEnum
CREATE TYPE "PropertyValueType" AS ENUM ('NUMBER', 'TEXT');

-- CreateEnum
CREATE TYPE "PropertyKind" AS ENUM ('MEASURED', 'COMPUTED', 'BOTH');

-- CreateEnum
CREATE TYPE "ReactionSide" AS ENUM ('REACTANT', 'PRODUCT');

-- CreateTable
CREATE TABLE "Paper" (
    "id" SERIAL NOT NULL,
    "doi" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "journal" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "volume" TEXT,
    "pages" TEXT,
    "authors" TEXT[],
    "seedFile" TEXT,

    CONSTRAINT "Paper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PropertyKey" (
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "canonicalUnit" TEXT NOT NULL,
    "valueType" "PropertyValueType" NOT NULL DEFAULT 'NUMBER',
    "kind" "PropertyKind" NOT NULL DEFAULT 'BOTH',
    "description" TEXT NOT NULL,

    CONSTRAINT "PropertyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MaterialFamily" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "MaterialFamily_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "elements" TEXT[],
    "workingIon" "WorkingIon",
    "familyKey" TEXT,
    "role" "MaterialRole" NOT NULL,
    "materialsProjectId" TEXT,
    "description" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,
    "substrateId" INTEGER,
    "coatingId" INTEGER,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coating" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "materialId" INTEGER,
    "morphology" TEXT,
    "thicknessNm" DOUBLE PRECISION,
    "thicknessQualifier" "ValueQualifier",
    "synthesisRoute" TEXT,
    "infusesGrainBoundaries" BOOLEAN NOT NULL DEFAULT false,
    "infusionDepthUm" DOUBLE PRECISION,
    "infusionDepthMaxUm" DOUBLE PRECISION,
    "infusionDepthQualifier" "ValueQualifier",
    "description" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "Coating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComputationalMethod" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "functional" TEXT,
    "code" TEXT,
    "hubbardU" JSONB,
    "exchangeMixing" DOUBLE PRECISION,
    "cutoffEV" DOUBLE PRECISION,
    "kMesh" TEXT,
    "forceToleranceEVPerA" DOUBLE PRECISION,
    "energyToleranceEV" DOUBLE PRECISION,
    "supercell" TEXT,
    "parameters" JSONB,
    "description" TEXT NOT NULL,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "ComputationalMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Structure" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "materialId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "alkaliContent" DOUBLE PRECISION,
    "spaceGroupSymbol" TEXT,
    "spaceGroupNumber" INTEGER,
    "magneticOrdering" TEXT,
    "state" TEXT,
    "methodId" INTEGER,
    "cationMixingPercent" DOUBLE PRECISION,
    "tmInLiLayerPercent" DOUBLE PRECISION,
    "note" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "Structure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lattice" (
    "id" SERIAL NOT NULL,
    "structureId" INTEGER NOT NULL,
    "setting" "LatticeSetting" NOT NULL,
    "aA" DOUBLE PRECISION,
    "bA" DOUBLE PRECISION,
    "cA" DOUBLE PRECISION,
    "alphaDeg" DOUBLE PRECISION,
    "betaDeg" DOUBLE PRECISION,
    "gammaDeg" DOUBLE PRECISION,
    "volumeA3" DOUBLE PRECISION,
    "formulaUnitsPerCell" INTEGER,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "Lattice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "materialId" INTEGER NOT NULL,
    "structureId" INTEGER,
    "propertyKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "valueMax" DOUBLE PRECISION,
    "textValue" TEXT,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EQ',
    "uncertainty" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "canonicalValue" DOUBLE PRECISION,
    "site" TEXT,
    "note" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,
    "temperatureC" DOUBLE PRECISION,
    "cRate" DOUBLE PRECISION,
    "chargeCRate" DOUBLE PRECISION,
    "oneCMAPerG" DOUBLE PRECISION,
    "currentDensityMAPerG" DOUBLE PRECISION,
    "voltageMinV" DOUBLE PRECISION,
    "voltageMaxV" DOUBLE PRECISION,
    "cycleNumber" INTEGER,
    "cellType" "CellType",
    "counterElectrode" TEXT,
    "electrolyte" TEXT,
    "state" TEXT,
    "technique" TEXT,
    "loadingMgPerCm2" DOUBLE PRECISION,
    "otherConditions" JSONB,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComputedProperty" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "materialId" INTEGER NOT NULL,
    "structureId" INTEGER,
    "propertyKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "valueMax" DOUBLE PRECISION,
    "textValue" TEXT,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EQ',
    "uncertainty" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "canonicalValue" DOUBLE PRECISION,
    "site" TEXT,
    "configuration" TEXT,
    "methodId" INTEGER NOT NULL,
    "note" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "ComputedProperty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reaction" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "propertyKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "canonicalValue" DOUBLE PRECISION NOT NULL,
    "methodId" INTEGER,
    "note" TEXT,
    "paperId" INTEGER NOT NULL,
    "locator" TEXT NOT NULL,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReactionParticipant" (
    "id" SERIAL NOT NULL,
    "reactionId" INTEGER NOT NULL,
    "materialId" INTEGER NOT NULL,
    "side" "ReactionSide" NOT NULL,
    "coefficient" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ReactionParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Paper_doi_key" ON "Paper"("doi");

-- CreateIndex
CREATE UNIQUE INDEX "Material_key_key" ON "Material"("key");

-- CreateIndex
CREATE INDEX "Material_familyKey_idx" ON "Material"("familyKey");

-- CreateIndex
CREATE INDEX "Material_role_idx" ON "Material"("role");

-- CreateIndex
CREATE INDEX "Material_workingIon_idx" ON "Material"("workingIon");

-- CreateIndex
CREATE INDEX "Material_paperId_idx" ON "Material"("paperId");

-- CreateIndex
CREATE INDEX "Material_substrateId_idx" ON "Material"("substrateId");

-- CreateIndex
CREATE INDEX "Material_elements_idx" ON "Material" USING GIN ("elements");

-- CreateIndex
CREATE UNIQUE INDEX "Coating_key_key" ON "Coating"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ComputationalMethod_key_key" ON "ComputationalMethod"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Structure_key_key" ON "Structure"("key");

-- CreateIndex
CREATE INDEX "Structure_materialId_idx" ON "Structure"("materialId");

-- CreateIndex
CREATE UNIQUE INDEX "Lattice_structureId_setting_key" ON "Lattice"("structureId", "setting");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_fingerprint_key" ON "Measurement"("fingerprint");

-- CreateIndex
CREATE INDEX "Measurement_materialId_propertyKey_idx" ON "Measurement"("materialId", "propertyKey");

-- CreateIndex
CREATE INDEX "Measurement_propertyKey_canonicalValue_idx" ON "Measurement"("propertyKey", "canonicalValue");

-- CreateIndex
CREATE INDEX "Measurement_paperId_idx" ON "Measurement"("paperId");

-- CreateIndex
CREATE UNIQUE INDEX "ComputedProperty_fingerprint_key" ON "ComputedProperty"("fingerprint");

-- CreateIndex
CREATE INDEX "ComputedProperty_materialId_propertyKey_idx" ON "ComputedProperty"("materialId", "propertyKey");

-- CreateIndex
CREATE INDEX "ComputedProperty_propertyKey_canonicalValue_idx" ON "ComputedProperty"("propertyKey", "canonicalValue");

-- CreateIndex
CREATE INDEX "ComputedProperty_paperId_idx" ON "ComputedProperty"("paperId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_fingerprint_key" ON "Reaction"("fingerprint");

-- CreateIndex
CREATE INDEX "Reaction_paperId_idx" ON "Reaction"("paperId");

-- CreateIndex
CREATE INDEX "ReactionParticipant_materialId_idx" ON "ReactionParticipant"("materialId");

-- CreateIndex
CREATE UNIQUE INDEX "ReactionParticipant_reactionId_side_position_key" ON "ReactionParticipant"("reactionId", "side", "position");

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_familyKey_fkey" FOREIGN KEY ("familyKey") REFERENCES "MaterialFamily"("key") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_substrateId_fkey" FOREIGN KEY ("substrateId") REFERENCES "Material"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_coatingId_fkey" FOREIGN KEY ("coatingId") REFERENCES "Coating"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coating" ADD CONSTRAINT "Coating_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coating" ADD CONSTRAINT "Coating_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputationalMethod" ADD CONSTRAINT "ComputationalMethod_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Structure" ADD CONSTRAINT "Structure_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Structure" ADD CONSTRAINT "Structure_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "ComputationalMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Structure" ADD CONSTRAINT "Structure_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lattice" ADD CONSTRAINT "Lattice_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lattice" ADD CONSTRAINT "Lattice_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "PropertyKey"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "PropertyKey"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "ComputationalMethod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputedProperty" ADD CONSTRAINT "ComputedProperty_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "PropertyKey"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "ComputationalMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReactionParticipant" ADD CONSTRAINT "ReactionParticipant_reactionId_fkey" FOREIGN KEY ("reactionId") REFERENCES "Reaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReactionParticipant" ADD CONSTRAINT "ReactionParticipant_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

