import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildAppSchema, CONTRACT_PATH, printContract } from './schema.js';

/** Writes the committed GraphQL contract (schema/schema.graphql) from the server's schema. */
const schema = await buildAppSchema();
await writeFile(CONTRACT_PATH, printContract(schema));
console.log(`Wrote ${CONTRACT_PATH}`);
