/**
 * Federation's `_entities(representations:)` takes any JSON (`_Any`); @apollo/subgraph throws a
 * plain Error for the whole call, reported as an internal error, when one representation's
 * `__typename` is not a type here. Instead, that representation alone fails: its entry is null
 * with a BAD_USER_INPUT error at its index (`_entities.3`), and the others resolve as usual. A
 * representation of a known entity whose key matches nothing still resolves to null.
 */
import { isUnionType, type GraphQLSchema } from 'graphql';
import { ErrorCode, UserInputError } from '../errors.js';

export function guardEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return;
  const entities = new Set(entityUnion.getTypes().map((t) => t.name));
  const resolve = field.resolve;
  field.resolve = async (source, args, context, info) => {
    const representations: unknown[] = Array.isArray(args.representations) ? args.representations : [];
    const results: unknown[] = new Array(representations.length);
    const known: { index: number; representation: unknown }[] = [];
    representations.forEach((representation, index) => {
      const typename = typeof representation === 'object' && representation !== null ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename === 'string' && entities.has(typename)) known.push({ index, representation });
      else {
        results[index] = new UserInputError(
          `representations[${index}] must be an object whose __typename is an entity of this subgraph (${[...entities].join(', ')}), got ${JSON.stringify(typename ?? representation)?.slice(0, 80)}`,
          ErrorCode.BAD_USER_INPUT,
          'representations',
        );
      }
    });
    if (known.length > 0) {
      const resolved = (await resolve(source, { ...args, representations: known.map((k) => k.representation) }, context, info)) as unknown[];
      known.forEach(({ index }, i) => {
        results[index] = resolved[i];
      });
    }
    return results;
  };
}
