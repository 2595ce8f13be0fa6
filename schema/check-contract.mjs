// `pnpm schema:check`: compares schema.graphql with its version at SCHEMA_BASE (default
// HEAD~1: in CI's clean checkout of main, the previous commit) and fails on a breaking change
// not declared in breaking-changes.json, or on a deprecation without dates (contract.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareContracts, deprecationProblems } from './contract.mjs';

const schemaDir = path.dirname(fileURLToPath(import.meta.url));
const currentSdl = readFileSync(path.join(schemaDir, 'schema.graphql'), 'utf8');
const declared = JSON.parse(readFileSync(path.join(schemaDir, 'breaking-changes.json'), 'utf8')).changes;
const base = process.env.SCHEMA_BASE || 'HEAD~1';

/** The contract at `base`, or why it cannot be read (no git, shallow clone, first version). */
function baseSdl() {
  const git = (...args) => execFileSync('git', args, { cwd: schemaDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('rev-parse', '--verify', '--quiet', `${base}^{commit}`);
  } catch {
    return { missing: `revision ${base} is not available (no git repository, or a shallow clone: fetch with --depth=2 or more, or set SCHEMA_BASE)` };
  }
  try {
    return { sdl: git('show', `${base}:./schema.graphql`) };
  } catch {
    return { missing: `schema/schema.graphql does not exist at ${base} (first version of the contract)` };
  }
}

function report(title, lines) {
  if (lines.length) console.log(`${title}\n${lines.map((line) => `  - ${line}`).join('\n')}`);
}

const previous = baseSdl();
let failures;
if (previous.missing) {
  console.warn(`WARNING: contract comparison SKIPPED: ${previous.missing}. Only the deprecation dates were checked.`);
  failures = deprecationProblems(currentSdl);
} else {
  const result = compareContracts(previous.sdl, currentSdl, declared);
  failures = result.failures;
  console.log(`Contract schema/schema.graphql compared with ${base}.`);
  report('Declared breaking changes:', result.breaking.filter((change) => change.declaration).map((change) => change.description));
  report('Dangerous changes (allowed; mention them in schema/CHANGELOG.md):', result.dangerous.map((change) => change.description));
}
if (failures.length) {
  report('Contract check FAILED:', failures);
  process.exit(1);
}
console.log('Contract check passed.');
