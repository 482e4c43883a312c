/**
 * Resolvers of derived fields, one module per topic under derived/: each gathers stored inputs
 * through the request's DataLoaders, calls the pure derive/ modules and returns values with their
 * traces. Nothing here is stored. This module serialises traces and merges the topics.
 */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { toGlobalId } from '../ids.js';
import { capacityResolvers } from './derived/capacity.js';
import { conditionsResolvers } from './derived/conditions.js';
import { consistencyResolvers } from './derived/consistency.js';
import { degradationResolvers } from './derived/degradation.js';
import { stabilityResolvers } from './derived/stability.js';
import { structureResolvers } from './derived/structure.js';
import { voltageResolvers } from './derived/voltage.js';
import { derivedValue } from './derived-support.js';

const traceResolvers: Resolvers = {
  DerivedQuantity: {
    value: derivedValue,
    source: (d) => d.source ?? null,
    factId: (d) => (d.fact ? toGlobalId(d.fact.type, d.fact.id) : null),
    reason: (d) => d.reason ?? null,
    reportedValues: (d) => d.comparisons ?? [],
  },
  DerivationInput: {
    source: (i) => i.source ?? null,
    factId: (i) => (i.fact ? toGlobalId(i.fact.type, i.fact.id) : null),
    derivation: (i) => i.derivation ?? null,
    textValue: (i) => i.textValue ?? null,
    note: (i) => i.note ?? null,
  },
};

/** Resolver maps merged type by type (several topics add fields to Material). */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Resolvers = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      merged[typeName] = { ...(merged[typeName] as object), ...(fields as object) } as never;
    }
  }
  return merged;
}

export const derivedResolvers: Resolvers = mergeResolvers(traceResolvers, capacityResolvers, voltageResolvers, structureResolvers, stabilityResolvers, degradationResolvers, conditionsResolvers, consistencyResolvers);
