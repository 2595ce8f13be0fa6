import { getIntrospectionQuery, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../../app/schema.js';
import { SUPPLIER_SEARCH } from '../../../bench/search-mix.js';
import { ADMIN_QUERY_LIMITS, checkQueryLimits, DEFAULT_QUERY_LIMITS, operationCost, operationDepth, SEARCH_WORK_COSTS } from './query-limits.js';

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
    // suppliers 1 + totalCount (1 + its work) + pageInfo (1 + 1) + edges (1 + 20 × (node 1 + id 1)).
    expect(cost('{ suppliers { totalCount pageInfo { hasNextPage } edges { node { id } } } }')).toBe(1 + 1 + SEARCH_WORK_COSTS.totalCount + 2 + 1 + 20 * 2);
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

  it('charges a search for the work beyond its page: totalCount, facets, distances, text', () => {
    const { totalCount, facets, facetDimension, distance, text } = SEARCH_WORK_COSTS;
    expect(cost('{ suppliers(first: 0) { totalCount } }')).toBe(1 + 1 + totalCount);
    // facets + 2 dimensions, each a list of 10 buckets of 1 field.
    expect(cost('{ suppliers(first: 0) { facets { kinds { count } tags { count } } } }')).toBe(1 + 1 + facets + 2 * (1 + facetDimension + 10));
    const origin = '{ latitude: 48.85, longitude: 2.35 }';
    expect(cost(`{ suppliers(first: 0, orderBy: DISTANCE, filter: { origin: ${origin} }) { pageInfo { hasNextPage } } }`)).toBe(1 + distance + 2);
    expect(cost('query Q($f: SupplierFilter) { suppliers(first: 0, filter: $f) { pageInfo { hasNextPage } } }', { f: { text: 'tonte', territory: { communeCode: '57463', radiusKm: 20 } } })).toBe(
      1 + text + distance + 2,
    );
    // A nested connection without a filter (a supplier's offerings) is not a search.
    expect(cost('{ supplier(id: "x") { managedOfferings(first: 0) { totalCount } } }')).toBe(1 + 1 + 1);
  });

  it('leaves out what @skip and @include leave out', () => {
    const query = 'query Q($facets: Boolean!) { suppliers(first: 0) { facets @include(if: $facets) { kinds { count } } } }';
    expect(cost(query, { facets: false })).toBe(1);
    expect(cost(query, { facets: true })).toBe(1 + 1 + SEARCH_WORK_COSTS.facets + 1 + SEARCH_WORK_COSTS.facetDimension + 10);
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

/** The operations and fragments of the SPA's documents (`graphql(\`…\`)` in client/src/**\/*.ts). */
function spaDocuments(): { operations: { file: string; operation: OperationDefinitionNode }[]; fragments: Map<string, FragmentDefinitionNode> } {
  const root = fileURLToPath(new URL('../../../../../client/src/', import.meta.url));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (file) => file.endsWith('.ts') && !file.includes('generated') && !file.endsWith('.test.ts'),
  );
  const operations: { file: string; operation: OperationDefinitionNode }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)) {
      for (const definition of parse(match[1]).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ file, operation: definition });
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
  }
  return { operations, fragments };
}

/** The heaviest values the SPA sends: 100 per page (the CSV export), every facet, text, a radius, nearest first. */
const SPA_VARIABLES: Record<string, unknown> = {
  first: 100,
  withFacets: true,
  orderBy: 'DISTANCE',
  filter: { text: 'nettoyage bureaux', territory: { communeCode: '57463', radiusKm: 50 }, smallPurchase: {} },
};

const greedyRequest = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, index) => `a${index}: suppliers(first: 100, orderBy: DISTANCE, filter: { origin: { latitude: 48.85, longitude: 2.35 } }) {
      totalCount facets { kinds { kind count } kindFamilies { family count } reservedMarkets { count } categoryGroups { count }
        categories { count } departements { count } serviceTypes { count } tags { count } smallPurchase { count } } }`).join(' ')} }`;

describe('the cost of real requests', () => {
  it("passes every query of the SPA's documents, with their heaviest variables, well under the limit", () => {
    const { operations, fragments } = spaDocuments();
    const search = operations.find(({ operation }) => operation.name?.value === 'SupplierSearch')!.operation;
    const queries = operations.filter(({ operation }) => operation.operation === 'query');
    expect(queries.map(({ operation }) => operation.name?.value)).toContain('SupplierSearch');
    for (const { file, operation } of queries) {
      // The admin pages (import reports, moderation) run with the administrators' budget.
      const limits = file.startsWith('admin') ? ADMIN_QUERY_LIMITS : DEFAULT_QUERY_LIMITS;
      expect(operationCost(schema, operation, fragments, SPA_VARIABLES), operation.name?.value).toBeLessThan(limits.maxComplexity);
    }
    // The search page, at its heaviest (50 results a request: client/src/search/use-supplier-search.ts), keeps a third of the budget free.
    expect(operationCost(schema, search, fragments, { ...SPA_VARIABLES, first: 50 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxComplexity * (2 / 3));
    expect(operationCost(schema, search, fragments, { ...SPA_VARIABLES, first: 20 })).toBeLessThan(DEFAULT_QUERY_LIMITS.maxComplexity / 4);
  });

  it('passes the examples of the API page and the README', async () => {
    // A computed path: the client is outside this package's TypeScript project.
    const examplesPath = fileURLToPath(new URL('../../../../../client/src/api-docs/api-examples.ts', import.meta.url));
    const { API_EXAMPLES } = (await import(examplesPath)) as { API_EXAMPLES: { id: string; query: string; variables: Record<string, unknown> }[] };
    expect(API_EXAMPLES.length).toBeGreaterThan(0);
    for (const example of API_EXAMPLES) {
      const { operation, fragments } = parts(example.query);
      expect(checkQueryLimits(schema, operation, fragments, example.variables, DEFAULT_QUERY_LIMITS), example.id).toBeNull();
      expect(cost(example.query, example.variables), example.id).toBeLessThan(DEFAULT_QUERY_LIMITS.maxComplexity / 4);
    }
  });

  it('refuses 30 aliased searches by distance with totalCount and facets (issue 13)', () => {
    const { operation, fragments } = parts(greedyRequest(30));
    const error = checkQueryLimits(schema, operation, fragments, {}, DEFAULT_QUERY_LIMITS);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 10_000, http: { status: 400 } });
    expect(error?.message).toMatch(/^Cette requête coûte [\d ]+ points, la limite est 10 000/);
    // At most 16 such searches fit in one request (and the rate limit counts each such request as 10).
    expect(cost(greedyRequest(17))).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxComplexity);
  });
});
