import { readFile } from 'node:fs/promises';
import {
  isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema, CONTRACT_PATH, printContract } from './schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('the GraphQL contract', () => {
  it('is committed as generated: run `pnpm schema` after changing the API', async () => {
    const committed = await readFile(CONTRACT_PATH, 'utf8');
    expect(committed === printContract(schema), 'schema/schema.graphql is stale: run `pnpm schema` and commit it').toBe(true);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
