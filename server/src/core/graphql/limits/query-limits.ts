import type { ApolloServerPlugin } from '@apollo/server';
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type GraphQLField,
  type GraphQLNamedType,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';

/** Bounds of one GraphQL document, checked before anything runs. */
export interface QueryLimits {
  /** Deepest field nesting. */
  maxDepth: number;
  /** Cost budget: each field costs 1, and a list asked with `first` multiplies its children's cost. */
  maxComplexity: number;
  /** Aliases in the document (each one can repeat an expensive field). */
  maxAliases: number;
  /** Lexical tokens of the document, enforced by the parser itself. */
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxComplexity: 10_000,
  maxAliases: 30,
  maxTokens: 5_000,
};

/**
 * For the few signed-in administrators, who read import runs with all their rejected rows
 * and whole moderation queues: a larger budget, the other limits unchanged.
 */
export const ADMIN_QUERY_LIMITS: QueryLimits = { ...DEFAULT_QUERY_LIMITS, maxComplexity: 100_000 };

/** Items assumed in a list that has no `first` argument (categories of a supplier, facet counts…). */
export const PLAIN_LIST_SIZE = 10;

/** How many items a plain list counts for: its declared bound (`@Extensions({ maxItems })`), else PLAIN_LIST_SIZE. */
function listSizeOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): number {
  const maxItems = field.extensions?.maxItems;
  return typeof maxItems === 'number' ? maxItems : PLAIN_LIST_SIZE;
}

/**
 * The work of a search beyond its page of rows, in cost points, on top of the 1 per field.
 * A search is a connection with a `filter` argument (`suppliers`, `offerings`).
 *
 * Measured with `node dist/bench/greedy-client.bench.js` (its first table: each part of a
 * search alone, p50 of 15 after a warm-up, 8 000 suppliers, directory index, no result
 * cache, on a shared 2-core machine): an empty page took 35 ms, a page of 100 rows of
 * `{ id name }` 89 ms (+53 ms for the 302 points the estimator gives it: about 6 points a
 * millisecond), all 9 facet dimensions 82 ms (+47), one dimension 35 to 47 ms (+0 to 12),
 * `totalCount` 31 ms (no more than the page), 100 rows by DISTANCE from an origin 118 ms
 * (+30 over the same page), by text 104 ms (+16). Each weight is that extra time × 6
 * points, rounded up; re-measure when the search engine changes.
 */
export const SEARCH_WORK_COSTS = {
  /** `totalCount`: counts every match (the page alone stops after `first`). */
  totalCount: 30,
  /** `facets`, whatever is asked in it: one pass over every match. */
  facets: 60,
  /** Each facet dimension asked (`facets { kinds … }`): its own counts in that pass. */
  facetDimension: 25,
  /** DISTANCE ordering, an `origin` or a `radiusKm`: a distance for every match, then a sort. */
  distance: 180,
  /** A non-empty `filter.text`: full-text and fuzzy matching over the directory. */
  text: 100,
} as const;

/** `first` of a field as the request gives it (literal or variable), or the schema's default. */
function argumentValue(field: GraphQLField<unknown, unknown>, node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const definition = field.args.find((argument) => argument.name === name);
  if (!definition) return undefined;
  const given = node.arguments?.find((argument) => argument.name.value === name);
  if (!given) return definition.defaultValue;
  // Undefined when the value does not fit the type (execution refuses it with BAD_USER_INPUT).
  return valueFromAST(given.value, definition.type, variables);
}

/** The extra work of a search field's arguments (text, distances): SEARCH_WORK_COSTS. */
function searchArgumentsCost(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const filter = (argumentValue(field, node, 'filter', variables) ?? {}) as {
    text?: unknown;
    origin?: unknown;
    territory?: { radiusKm?: unknown } | null;
  };
  let cost = 0;
  if (typeof filter.text === 'string' && filter.text.trim() !== '') cost += SEARCH_WORK_COSTS.text;
  const distances = argumentValue(field, node, 'orderBy', variables) === 'DISTANCE' || filter.origin != null || typeof filter.territory?.radiusKm === 'number';
  if (distances) cost += SEARCH_WORK_COSTS.distance;
  return cost;
}

/** False for a selection left out by `@skip(if: true)` or `@include(if: false)`. */
function isIncluded(selection: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: Record<string, unknown>): boolean {
  if (!selection.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  } catch {
    // A missing variable: validation or execution refuses it; counted as included.
    return true;
  }
}

/**
 * Estimated cost of an operation. A field costs 1 plus its children. A connection asked
 * with `first` returns that many edges: its `edges` count that many times, while its
 * `pageInfo` counts once. Another field with `first` (a bounded list) counts its children
 * `first` times, and a list without it PLAIN_LIST_SIZE times. `first` takes its schema
 * default when omitted, else the connections' default page size. A search (a connection
 * with a `filter`) also costs the work it causes beyond its page: SEARCH_WORK_COSTS for its
 * `totalCount`, each facet dimension, distances and text. Fields left out by `@skip` or
 * `@include` cost nothing.
 * Introspection costs nothing here: its recursion is bounded by `operationDepth` instead.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  /** `search`: inside a search connection (its totalCount and facets), or inside its facets. */
  type Place = 'data' | 'search' | 'facets';
  const costOf = (selectionSet: SelectionSetNode | undefined, parentType: GraphQLNamedType | undefined, pageSize: number | null, place: Place): number => {
    if (!selectionSet || !isCompositeType(parentType)) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        // Unions have no fields of their own; `__typename` and introspection cost nothing.
        const field = isUnionType(parentType) ? undefined : parentType.getFields()[selection.name.value];
        if (!field) continue;
        const name = selection.name.value;
        const type = getNamedType(field.type);
        const hasFirst = field.args.some((argument) => argument.name === 'first');
        const first = hasFirst ? argumentValue(field, selection, 'first', variables) : undefined;
        const size = typeof first === 'number' ? Math.max(0, first) : DEFAULT_PAGE_SIZE;
        const isConnection = hasFirst && isObjectType(type) && 'edges' in type.getFields();
        const isSearch = isConnection && field.args.some((argument) => argument.name === 'filter');
        const inner: Place = isSearch ? 'search' : place === 'search' && name === 'facets' ? 'facets' : 'data';
        const children = costOf(selection.selectionSet, type, isConnection ? size : null, inner);
        const times =
          name === 'edges' && pageSize !== null ? pageSize
          : isConnection ? 1
          : hasFirst ? size
          : isListType(getNullableType(field.type)) ? listSizeOf(field)
          : 1;
        const work =
          isSearch ? searchArgumentsCost(field, selection, variables)
          : place === 'search' && name === 'totalCount' ? SEARCH_WORK_COSTS.totalCount
          : place === 'search' && name === 'facets' ? SEARCH_WORK_COSTS.facets
          : place === 'facets' ? SEARCH_WORK_COSTS.facetDimension
          : 0;
        cost += 1 + work + times * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += costOf(selection.selectionSet, condition ?? undefined, pageSize, place);
      } else {
        cost += fragmentCost(selection.name.value, pageSize, place);
      }
    }
    return cost;
  };
  // Named fragments are costed once per page size and place: fragments spreading others
  // twice over would otherwise take exponential time to walk.
  const fragmentCosts = new Map<string, number>();
  const fragmentCost = (name: string, pageSize: number | null, place: Place): number => {
    const key = `${name} ${pageSize} ${place}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    fragmentCosts.set(key, 0);
    const fragment = fragments.get(name);
    const cost = fragment ? costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pageSize, place) : 0;
    fragmentCosts.set(key, cost);
    return cost;
  };
  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root, null, 'data');
}

/** Fields of `__Type` that list the type's members, whose recursion would fan out. */
const TYPE_MEMBER_LISTS = new Set(['fields', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues']);

/**
 * Nesting depth of an operation, following fragments. In introspection, `ofType` (a 1:1
 * wrapper chain, ten deep in the standard query) adds no depth, and the type of a field or
 * argument may not list its own members again (Infinity: refused), which no introspection
 * client needs and which would multiply the whole schema by itself at each level.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): number {
  type Place = 'data' | 'introspection' | 'typeReference';
  const depthOf = (selectionSet: SelectionSetNode | undefined, place: Place): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (place === 'typeReference' && TYPE_MEMBER_LISTS.has(name)) return Infinity;
        const inner: Place =
          place === 'data' ? (name === '__schema' || name === '__type' ? 'introspection' : 'data')
          : name === 'type' || name === 'ofType' ? 'typeReference'
          : place;
        const own = place !== 'data' && name === 'ofType' ? 0 : 1;
        deepest = Math.max(deepest, own + depthOf(selection.selectionSet, inner));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, place));
      } else {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value, place));
      }
    }
    return deepest;
  };
  // Once per fragment and place, as for the cost; a cycle (refused by validation anyway) ends at 0.
  const fragmentDepths = new Map<string, number>();
  const fragmentDepth = (name: string, place: Place): number => {
    const key = `${name} ${place}`;
    const known = fragmentDepths.get(key);
    if (known !== undefined) return known;
    fragmentDepths.set(key, 0);
    const depth = depthOf(fragments.get(name)?.selectionSet, place);
    fragmentDepths.set(key, depth);
    return depth;
  };
  return depthOf(operation.selectionSet, 'data');
}

function limitError(code: ErrorCode, message: string, extensions: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

const number = (value: number) => value.toLocaleString('fr-FR').replace(/\s/g, ' ');

/** Checks one resolved operation against the limits; returns the error to answer, if any. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
  /** Receives the cost when it was measured. */
  measured: { cost?: number } = {},
): GraphQLError | null {
  const aliases = [operation, ...fragments].reduce((count, definition) => count + countAliases(definition.selectionSet), 0);
  if (aliases > limits.maxAliases) {
    return limitError(
      ErrorCode.TOO_MANY_ALIASES,
      `Cette requête contient ${number(aliases)} alias, la limite est ${number(limits.maxAliases)} : envoyez plusieurs requêtes.`,
      { aliases, maxAliases: limits.maxAliases },
    );
  }
  const fragmentsByName = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
  const depth = operationDepth(operation, fragmentsByName);
  if (depth === Infinity) {
    return limitError(
      ErrorCode.QUERY_TOO_DEEP,
      "L'introspection ne peut pas redemander les champs du type d'un champ : demandez ce type par __type(name:).",
      { maxDepth: limits.maxDepth },
    );
  }
  if (depth > limits.maxDepth) {
    return limitError(
      ErrorCode.QUERY_TOO_DEEP,
      `Cette requête a ${depth} niveaux d'imbrication, la limite est ${limits.maxDepth} : demandez les objets liés dans une autre requête.`,
      { depth, maxDepth: limits.maxDepth },
    );
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT.
  if (coerced.errors) return null;
  const cost = operationCost(schema, operation, fragmentsByName, coerced.coerced);
  measured.cost = cost;
  if (cost > limits.maxComplexity) {
    return limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `Cette requête coûte ${number(cost)} points, la limite est ${number(limits.maxComplexity)} : demandez moins d'éléments par page (first) ou moins de champs.`,
      { cost, maxCost: limits.maxComplexity },
    );
  }
  return null;
}

function countAliases(selectionSet: SelectionSetNode | undefined): number {
  let count = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.alias) count += 1;
    if (selection.kind !== Kind.FRAGMENT_SPREAD) count += countAliases(selection.selectionSet);
  }
  return count;
}

/**
 * Refuses, before execution and with HTTP 400, an operation over the depth, alias or cost
 * limits that apply to its caller (the token limit is the parser's: `parseOptions` of the
 * server, the same for all).
 */
export function queryLimitsPlugin<TContext extends object>(
  limitsFor: (context: TContext) => QueryLimits,
  /** Told the cost of every operation within the limits, before it runs (the rate limits charge by cost); may throw to refuse it. */
  onCost?: (context: TContext, cost: number) => Promise<void>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = document.definitions.filter(
            (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
          );
          const measured: { cost?: number } = {};
          const error = checkQueryLimits(schema, operation, fragments, request.variables, limitsFor(contextValue), measured);
          if (error) throw error;
          if (onCost && measured.cost !== undefined) await onCost(contextValue, measured.cost);
        },
      };
    },
  };
}
