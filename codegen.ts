import type { Types } from '@graphql-codegen/plugin-helpers';

type CodegenConfig = Types.Config;

// Resolver types generated from schema/*.graphql; parents are the Prisma row types.
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        // Types __resolveReference for @key entities (schema/federation.graphql).
        federation: true,
        contextType: '../context.js#Context',
        enumsAsTypes: true,
        scalars: { JSON: 'unknown' },
        mappers: {
          Paper: '@prisma/client#Paper as PaperRow',
          Material: '@prisma/client#Material as MaterialRow',
          Coating: '@prisma/client#Coating as CoatingRow',
          Structure: '@prisma/client#Structure as StructureRow',
          Lattice: '@prisma/client#Lattice as LatticeRow',
          Measurement: '@prisma/client#Measurement as MeasurementRow',
          Conditions: '@prisma/client#Measurement as ConditionsRow',
          ComputedProperty: '@prisma/client#ComputedProperty as ComputedPropertyRow',
          ComputationalMethod: '@prisma/client#ComputationalMethod as MethodRow',
          Reaction: '@prisma/client#Reaction as ReactionRow',
          ReactionParticipant: '@prisma/client#ReactionParticipant as ParticipantRow',
          PropertyDefinition: '@prisma/client#PropertyKey as PropertyKeyRow',
          MaterialFamily: '@prisma/client#MaterialFamily as FamilyRow',
          FamilyFact: '@prisma/client#FamilyFact as FamilyFactRow',
          Source: '../resolvers/source.js#SourceParent',
          MaterialConnection: '../resolvers/pagination.js#MaterialConnectionParent',
          FactConnection: '../resolvers/facts.js#FactConnectionParent',
          CurationEvent: '@prisma/client#CurationEvent as CurationEventRow',
          DerivedQuantity: '../derive/quantity.js#Derived',
          DerivationInput: '../derive/quantity.js#DerivationInput as DerivationInputParent',
          StabilityAssessment: '../derive/stability.js#Assessment',
          StabilityCriterion: '../derive/stability.js#Criterion',
          VoltagePair: '../resolvers/derived/voltage.js#VoltagePairParent',
          CapacityFade: '../resolvers/derived/degradation.js#CapacityFadeParent',
          CoatingEffect: '../resolvers/derived/degradation.js#CoatingEffectParent',
          TmMigration: '../resolvers/derived/degradation.js#TmMigrationParent',
          DerivedLattice: '../resolvers/derived/structure.js#DerivedLatticeParent',
          ConsistencyCheck: '../resolvers/derived/consistency.js#ConsistencyCheckParent',
          Correlation: '../resolvers/correlation.js#CorrelationParent',
          InsertionElectrode: '@prisma/client#InsertionElectrode as InsertionElectrodeRow',
          InsertionElectrodeConnection: '../resolvers/electrode.js#ElectrodeConnectionParent',
          Rederivation: '../resolvers/electrode.js#RederivationParent',
          DatabaseExport: '@prisma/client#Paper as DatabaseExportRow',
          PropertyComparison: '../resolvers/comparison.js#PropertyComparisonParent',
          ComparisonEntry: '../resolvers/comparison.js#ComparisonEntryParent',
          CorrelationPoint: '../resolvers/correlation.js#CorrelationPointParent',
        },
      },
    },
  },
};
export default config;
