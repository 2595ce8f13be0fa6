import { getIntrospectionQuery, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../../app/schema.js';
import { SUPPLIER_SEARCH } from '../../../bench/search-mix.js';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, operationCost, operationDepth } from './query-limits.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

function parts(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { operation, fragments, byName: new Map(fragments.map((fragment) => [fragment.name.value, fragment])) };
}

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const { operation, byName } = parts(query);
  return operationCost(schema, operation, byName, variables);
};

describe('operationCost', () => {
  it('multiplies the edges of a connection by its page size, not its totalCount or pageInfo', () => {
    // suppliers 1 + totalCount 1 + pageInfo (1 + 1) + edges (1 + 20 × (node 1 + id 1)).
    expect(cost('{ suppliers { totalCount pageInfo { hasNextPage } edges { node { id } } } }')).toBe(1 + 1 + 2 + 1 + 20 * 2);
    expect(cost('query Q($n: Int) { suppliers(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 1 + 100 * 2);
  });

  it('counts a plain list ten times and a field with `first` by its value or schema default', () => {
    expect(cost('{ categoryGroups { slug } }')).toBe(1 + 10 * 1);
    expect(cost('{ territories(search: "metz") { ... on Commune { name } } }')).toBe(1 + 10 * 1);
    expect(cost('{ territories(search: "metz", first: 50) { ... on Commune { name } } }')).toBe(1 + 50 * 1);
  });

  it('follows fragments and inline fragments', () => {
    expect(cost('{ suppliers(first: 2) { edges { node { ...F } } } } fragment F on Supplier { id name }')).toBe(1 + 1 + 2 * 3);
  });

  it("keeps the buyer SPA's search within the budget at 100 results per page", () => {
    expect(cost(SUPPLIER_SEARCH, { first: 20 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxComplexity / 4);
    expect(cost(SUPPLIER_SEARCH, { first: 100 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxComplexity);
  });
});

describe('operationDepth', () => {
  it('counts nested fields through fragments', () => {
    const { operation, byName } = parts('{ suppliers { edges { ...E } } } fragment E on SupplierEdge { node { address { commune { name } } } }');
    expect(operationDepth(operation, byName)).toBe(6);
  });

  it('lets the standard introspection query through, and refuses walking a field type\'s fields', () => {
    const standard = parts(getIntrospectionQuery());
    expect(operationDepth(standard.operation, standard.byName)).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxDepth);
    const walk = parts('{ __type(name: "Supplier") { fields { type { ofType { fields { name } } } } } }');
    expect(operationDepth(walk.operation, walk.byName)).toBe(Infinity);
  });
});

describe('checkQueryLimits', () => {
  it('says the cost and the limit, with French digit grouping', () => {
    const { operation, fragments } = parts('{ suppliers(first: 100) { edges { node { managedOfferings(first: 100) { edges { node { id } } } } } } }');
    const error = checkQueryLimits(schema, operation, fragments, {}, DEFAULT_QUERY_LIMITS);
    expect(error?.message).toBe(
      "Cette requête coûte 20 302 points, la limite est 10 000 : demandez moins d'éléments par page (first) ou moins de champs.",
    );
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 20_302, maxCost: 10_000, http: { status: 400 } });
  });
});

describe('fragments spreading others twice over', () => {
  it('are measured without walking every expansion', () => {
    const levels = 40;
    const definitions = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Supplier { id }` : `fragment F${level} on Supplier { ...F${level + 1} ... on Supplier { ...F${level + 1} } }`,
    );
    const { operation, fragments, byName } = parts(`{ supplier(id: "x") { ...F0 } } ${definitions.join(' ')}`);
    expect(operationDepth(operation, byName)).toBe(2);
    const error = checkQueryLimits(schema, operation, fragments, {}, DEFAULT_QUERY_LIMITS);
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
