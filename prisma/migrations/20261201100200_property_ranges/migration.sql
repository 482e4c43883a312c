-- Physical and plausible bounds of each property's value (canonical unit), from seeds/vocabulary.yaml.
ALTER TABLE "PropertyKey" ADD COLUMN "physicalMin" DOUBLE PRECISION,
ADD COLUMN "physicalMax" DOUBLE PRECISION,
ADD COLUMN "plausibleMin" DOUBLE PRECISION,
ADD COLUMN "plausibleMax" DOUBLE PRECISION;
