import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeCompactCentres, parseCompactCentres, parseSourceJson } from './commune-centres.js';

/**
 * `pnpm --filter ./server run centres:derive <commune-centres.json> [--out <file>]`: derives
 * the compact centres file the product ships (server/data/commune-centres.csv, see the
 * README beside it) from BAN's commune-centres.json. A developer's tool: the product never
 * reads the source file.
 */

const SHIPPED_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/commune-centres.csv');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((value) => value !== '--'),
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: centres:derive <commune-centres.json> [--out <file>]');
    return 2;
  }
  const source = parseSourceJson(await readFile(positionals[0]!, 'utf8'));
  if (!source.ok) throw new Error(`${positionals[0]}: ${source.message}`);
  const compact = encodeCompactCentres(source.entries);
  // The written file must read back as what it was derived from (to the thousandth of a degree).
  const check = parseCompactCentres(compact);
  if (!check.ok || check.entries.size !== source.entries.size) throw new Error('the compact file does not read back whole');
  const out = path.resolve(values.out ?? SHIPPED_FILE);
  await writeFile(`${out}.tmp`, compact);
  await rename(`${out}.tmp`, out);
  console.log(`${check.entries.size} communes written to ${out} (${Buffer.byteLength(compact)} bytes)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
