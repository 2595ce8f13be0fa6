import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type GraphQLNamedType,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
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

/**
 * Estimated cost of an operation. A field costs 1 plus its children. A connection asked
 * with `first` returns that many edges: its `edges` count that many times, while its
 * `totalCount`, `pageInfo` and facets count once. Another field with `first` (a bounded
 * list) counts its children `first` times, and a list without it PLAIN_LIST_SIZE times.
 * `first` takes its schema default when omitted, else the connections' default page size.
 * Introspection costs nothing here: its recursion is bounded by `operationDepth` instead.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const costOf = (selectionSet: SelectionSetNode | undefined, parentType: GraphQLNamedType | undefined, pageSize: number | null): number => {
    if (!selectionSet || !isCompositeType(parentType)) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Unions have no fields of their own; `__typename` and introspection cost nothing.
        const field = isUnionType(parentType) ? undefined : parentType.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const hasFirst = field.args.some((argument) => argument.name === 'first');
        const first = hasFirst ? getArgumentValues(field, selection, variables).first : undefined;
        const size = typeof first === 'number' ? Math.max(0, first) : DEFAULT_PAGE_SIZE;
        const isConnection = hasFirst && isObjectType(type) && 'edges' in type.getFields();
        const children = costOf(selection.selectionSet, type, isConnection ? size : null);
        const times =
          selection.name.value === 'edges' && pageSize !== null ? pageSize
          : isConnection ? 1
          : hasFirst ? size
          : isListType(getNullableType(field.type)) ? PLAIN_LIST_SIZE
          : 1;
        cost += 1 + times * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += costOf(selection.selectionSet, condition ?? undefined, pageSize);
      } else {
        cost += fragmentCost(selection.name.value, pageSize);
      }
    }
    return cost;
  };
  // Named fragments are costed once per page size: fragments spreading others twice over
  // would otherwise take exponential time to walk.
  const fragmentCosts = new Map<string, number>();
  const fragmentCost = (name: string, pageSize: number | null): number => {
    const key = `${name} ${pageSize}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    fragmentCosts.set(key, 0);
    const fragment = fragments.get(name);
    const cost = fragment ? costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pageSize) : 0;
    fragmentCosts.set(key, cost);
    return cost;
  };
  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root, null);
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
export function queryLimitsPlugin<TContext extends object>(limitsFor: (context: TContext) => QueryLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = document.definitions.filter(
            (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
          );
          const error = checkQueryLimits(schema, operation, fragments, request.variables, limitsFor(contextValue));
          if (error) throw error;
        },
      };
    },
  };
}
