/**
 * A second example peer subgraph for cathode-kb (schema in supplier.graphql): a supplier's
 * catalogue that extends `Material @key(fields: "key")` with `supplierOffers`, and brings its
 * own Relay `PageInfo`, `Node`, `Query.node` and `Source`, which compose with cathode-kb's
 * because both sides mark them @shareable. The offers are MADE UP for the example.
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
  locator: string;
}

/** Made-up example offers: not prices from any real supplier. */
export const SUPPLIER_OFFERS: readonly SupplierOffer[] = [
  { id: 'offer-1', materialKey: 'ncm811', supplier: 'Example Cathodes Ltd', priceEurPerKg: 31.5, minimumOrderKg: 25, locator: 'price list 2026, p. 2' },
  { id: 'offer-2', materialKey: 'ncm811', supplier: 'Sample Materials GmbH', priceEurPerKg: 29.9, minimumOrderKg: 100, locator: 'quote Q-17' },
  { id: 'offer-3', materialKey: 'gent-lmr-nmc', supplier: 'Example Cathodes Ltd', priceEurPerKg: 44.0, minimumOrderKg: 10, locator: 'price list 2026, p. 5' },
];

export function startSupplierSubgraph(options: { port?: number; host?: string } = {}) {
  const offersOf = (key: string) => SUPPLIER_OFFERS.filter((o) => o.materialKey === key).sort((a, b) => a.priceEurPerKg - b.priceEurPerKg);
  const schema = buildSubgraphSchema({
    typeDefs: SUPPLIER_TYPE_DEFS,
    resolvers: {
      Query: {
        node: (_: unknown, { id }: { id: string }) => SUPPLIER_OFFERS.find((o) => o.id === id) ?? null,
        supplierOffers: (_: unknown, { first }: { first: number }) => {
          const page = SUPPLIER_OFFERS.slice(0, first);
          return {
            edges: page.map((node) => ({ cursor: node.id, node })),
            pageInfo: { hasNextPage: first < SUPPLIER_OFFERS.length, hasPreviousPage: false, startCursor: page[0]?.id ?? null, endCursor: page.at(-1)?.id ?? null },
          };
        },
      },
      Node: { __resolveType: () => 'SupplierOffer' },
      Material: {
        __resolveReference: (reference: { key: string }) => ({ key: reference.key }),
        supplierOffers: (material: { key: string }) => offersOf(material.key),
      },
      SupplierOffer: {
        material: (offer: SupplierOffer) => ({ key: offer.materialKey }),
        source: (offer: SupplierOffer) => ({ locator: offer.locator }),
      },
    } as never,
  });
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  return startStandaloneServer(server, { listen: { port: options.port ?? 4002, host: options.host } }).then(({ url }) => ({ url, stop: () => server.stop() }));
}
