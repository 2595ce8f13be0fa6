import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import sdl from '../../../schema/schema.graphql?raw';
import { API_EXAMPLES, curlSnippet, fetchSnippet, GET_EXAMPLE_QUERY, getUrl, requestBody } from './api-examples';

const schema = buildSchema(sdl);

describe.each(API_EXAMPLES.map((example) => [example.title, example] as const))('API example "%s"', (_title, example) => {
  it('is a valid operation of the committed contract (schema/schema.graphql)', () => {
    expect(validate(schema, parse(example.query)).map((error) => error.message)).toEqual([]);
  });

  it('gives a value for every required variable and no unknown one', () => {
    const [operation] = parse(example.query).definitions;
    if (operation?.kind !== 'OperationDefinition') throw new Error('not an operation');
    const declared = operation.variableDefinitions ?? [];
    expect(Object.keys(example.variables).sort()).toEqual(declared.map((definition) => definition.variable.name.value).sort());
    for (const definition of declared) {
      if (definition.type.kind === 'NonNullType') expect(example.variables[definition.variable.name.value]).not.toBeNull();
    }
  });

  it('sends the query and its variables in a body the shell can quote', () => {
    const body = JSON.parse(requestBody(example)) as { query: string; variables: unknown };
    expect(body.variables).toEqual(example.variables);
    expect(validate(schema, parse(body.query))).toEqual([]);
    expect(requestBody(example)).not.toContain("'");
    expect(curlSnippet(example, 'https://example.test/graphql')).toContain(`--data '${requestBody(example)}'`);
  });

  it('shows the same query in the JavaScript snippet', () => {
    expect(fetchSnippet(example, 'https://example.test/graphql')).toContain(`const query = \`${example.query}\`;`);
    expect(example.query).not.toContain('`');
  });
});

describe('GET example', () => {
  it('is a valid query, carried whole in the URL', () => {
    expect(validate(schema, parse(GET_EXAMPLE_QUERY))).toEqual([]);
    const url = new URL(getUrl(GET_EXAMPLE_QUERY, 'https://example.test/graphql'));
    expect(url.searchParams.get('query')).toBe('{smallPurchaseRules{defaultAmount}}');
    expect(url.href).not.toContain("'");
  });
});
