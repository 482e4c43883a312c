/**
 * A second example peer subgraph for cathode-kb (schema in supplier.graphql): a supplier's
 * catalogue that extends `Material @key(fields: "key")` with `supplierOffers`, and brings its
 * own Relay `PageInfo` and a `Source` citing papers, which compose with cathode-kb's because
 * both sides mark them @shareable. The offers are MADE UP for the example.
 *
 * Used by test/integration/federation.test.ts beside the lab subgraph (which extends Material by id).
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export const SUPPLIER_TYPE_DEFS = parse(readFileSync(new URL('./supplier.graphql', import.meta.url), 'utf8'));

export interface SupplierOffer {
  id: string;
  materialKey: string;
  supplier: string;
  priceEurPerKg: number;
  minimumOrderKg: number;
  /** The paper the offer's datasheet cites (one of cathode-kb's). */
  doi: string;
  locator: string;
}

/** Made-up example offers: not prices from any real supplier. */
export const SUPPLIER_OFFERS: readonly SupplierOffer[] = [
  { id: 'offer-1', materialKey: 'ncm811', supplier: 'Example Cathodes Ltd', priceEurPerKg: 31.5, minimumOrderKg: 25, doi: '10.1038/s41560-021-00782-0', locator: 'Methods (Synthesis)' },
  { id: 'offer-2', materialKey: 'ncm811', supplier: 'Sample Materials GmbH', priceEurPerKg: 29.9, minimumOrderKg: 100, doi: '10.1038/s41560-021-00782-0', locator: 'Methods (Synthesis)' },
  { id: 'offer-3', materialKey: 'gent-lmr-nmc', supplier: 'Example Cathodes Ltd', priceEurPerKg: 44.0, minimumOrderKg: 10, doi: '10.1038/s41467-017-02041-x', locator: 'Methods' },
];

export function startSupplierSubgraph(options: { port?: number; host?: string } = {}) {
  const offersOf = (key: string) => SUPPLIER_OFFERS.filter((o) => o.materialKey === key).sort((a, b) => a.priceEurPerKg - b.priceEurPerKg);
  const schema = buildSubgraphSchema({
    typeDefs: SUPPLIER_TYPE_DEFS,
    resolvers: {
      Query: {
        supplierOffers: (_: unknown, { first }: { first: number }) => {
          const page = SUPPLIER_OFFERS.slice(0, first);
          return {
            edges: page.map((node) => ({ cursor: node.id, node })),
            pageInfo: { hasNextPage: first < SUPPLIER_OFFERS.length, hasPreviousPage: false, startCursor: page[0]?.id ?? null, endCursor: page.at(-1)?.id ?? null },
          };
        },
      },
      Material: {
        __resolveReference: (reference: { key: string }) => ({ key: reference.key }),
        supplierOffers: (material: { key: string }) => offersOf(material.key),
      },
      SupplierOffer: {
        material: (offer: SupplierOffer) => ({ key: offer.materialKey }),
        source: (offer: SupplierOffer) => ({ kind: 'PAPER', paper: { doi: offer.doi }, database: null, locator: offer.locator, origin: 'PRINTED', originNote: null }),
      },
    } as never,
  });
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  return startStandaloneServer(server, { listen: { port: options.port ?? 4002, host: options.host } }).then(({ url }) => ({ url, stop: () => server.stop() }));
}
