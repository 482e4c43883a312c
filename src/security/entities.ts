/**
 * Federation's `_entities(representations:)` takes any JSON (`_Any`); @apollo/subgraph throws a
 * plain Error, reported as an internal error, for a representation whose `__typename` is not a
 * type here. This makes such a request a client error (BAD_USER_INPUT) naming the bad entry.
 * A representation of a known entity whose key matches nothing still resolves to null.
 */
import { isUnionType, type GraphQLSchema } from 'graphql';
import { ErrorCode, UserInputError } from '../errors.js';

export function guardEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return;
  const entities = entityUnion.getTypes().map((t) => t.name);
  const resolve = field.resolve;
  field.resolve = (source, args, context, info) => {
    const representations: unknown[] = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation, i) => {
      const typename = typeof representation === 'object' && representation !== null ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename !== 'string' || !entities.includes(typename)) {
        throw new UserInputError(
          `representations[${i}] must be an object whose __typename is an entity of this subgraph (${entities.join(', ')}), got ${JSON.stringify(typename ?? representation)?.slice(0, 80)}`,
          ErrorCode.BAD_USER_INPUT,
          'representations',
        );
      }
    });
    return resolve(source, args, context, info);
  };
}
