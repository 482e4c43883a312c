-- OPTIMADE-style filter columns written at ingest (like "elements"). nelements is backfilled here;
-- chemicalFormulaReduced needs the formula parser, so existing rows get it on the next `npm run seed`.
ALTER TABLE "Material" ADD COLUMN "nelements" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Material" ADD COLUMN "chemicalFormulaReduced" TEXT;
UPDATE "Material" SET "nelements" = cardinality("elements");

CREATE INDEX "Material_chemicalFormulaReduced_idx" ON "Material"("chemicalFormulaReduced");
CREATE INDEX "Material_nelements_idx" ON "Material"("nelements");
