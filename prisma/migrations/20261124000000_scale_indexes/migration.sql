-- Scale (benchmarks to 100k materials): a page of a family walks (familyKey, id) in id order
-- instead of collecting and sorting the whole family, and reference materials (the working-ion
-- metal, the O2 molecule) are found by formula instead of by scanning every material.
-- (No semicolon may appear in these comments: the PostgreSQL adapter splits scripts on them.)

-- DropIndex
DROP INDEX "Material_familyKey_idx";

-- CreateIndex
CREATE INDEX "Material_familyKey_id_idx" ON "Material"("familyKey", "id");

-- CreateIndex
CREATE INDEX "Material_formula_idx" ON "Material"("formula");
