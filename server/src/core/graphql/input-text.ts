import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * Text no input may hold: NUL (U+0000), which PostgreSQL's text types refuse, and lone
 * surrogates (half of a UTF-16 pair), which are not Unicode text and break UTF-8 encoding
 * and URI-based validators. With the `u` flag, a surrogate matches `\p{Cs}` only when it is
 * not part of a pair.
 */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Whether a string can be stored and compared as text (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

function unstorableTextError(argument: string, value: string): GraphQLError {
  const what = value.includes('\u0000') ? 'un caractère nul (U+0000)' : 'un caractère UTF-16 incomplet (demi-paire de substitution isolée)';
  return new GraphQLError(`Texte invalide pour "${argument}" : il contient ${what}, que l'API n'accepte dans aucun texte.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } },
  });
}

/** The path (from `path`) of the first unstorable string in a variable's JSON value. */
function findInJson(value: unknown, path: string[]): { path: string[]; text: string } | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { path, text: value };
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findInJson(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * The first unstorable string given to an argument of the document, as literal or through
 * variables (their values, else their defaults), with the argument's path
 * (`input.email`, `filter.categorySlugs.2`).
 */
export function findUnstorableText(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { argument: string; text: string } | null {
  const definitions = new Map<string, VariableDefinitionNode>(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition]),
  );
  const inValue = (value: ValueNode, path: string[]): { path: string[]; text: string } | null => {
    switch (value.kind) {
      case Kind.STRING:
        return isStorableText(value.value) ? null : { path, text: value.value };
      case Kind.VARIABLE: {
        const name = value.name.value;
        if (Object.hasOwn(variables, name)) return findInJson(variables[name], path);
        const fallback = definitions.get(name)?.defaultValue;
        return fallback ? inValue(fallback, path) : null;
      }
      case Kind.LIST:
        for (const [index, item] of value.values.entries()) {
          const found = inValue(item, [...path, String(index)]);
          if (found) return found;
        }
        return null;
      case Kind.OBJECT:
        for (const field of value.fields) {
          const found = inValue(field.value, [...path, field.name.value]);
          if (found) return found;
        }
        return null;
      default:
        return null;
    }
  };
  let found: { path: string[]; text: string } | null = null;
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    visit(definition, {
      Argument(node) {
        found = inValue(node.value, [node.name.value]);
        return found ? BREAK : undefined;
      },
    });
    if (found) break;
  }
  const result = found as { path: string[]; text: string } | null;
  return result && { argument: result.path.join('.'), text: result.text };
}

/**
 * Refuses, before execution and with HTTP 400 BAD_USER_INPUT naming the argument, an
 * operation whose inputs hold a NUL or a lone surrogate: one check for every argument and
 * input field, so that no such string reaches a resolver, a validator or SQL.
 */
export const inputTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) return;
        const found = findUnstorableText(document, operation, request.variables ?? {});
        if (found) throw unstorableTextError(found.argument, found.text);
      },
    };
  },
};
