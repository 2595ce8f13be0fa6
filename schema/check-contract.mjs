// `pnpm schema:check`: fails on a breaking change of schema.graphql not declared in
// breaking-changes.json, or on a deprecation without dates (contract.mjs).
// By default every committed version of the contract is compared with the one before it,
// and the working copy with the last: several commits land on main at once, and a breaking
// change in any of them must not hide behind a later one. SCHEMA_BASE=<revision> compares
// the working copy with that revision only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareContracts, deprecationProblems } from './contract.mjs';

const schemaDir = path.dirname(fileURLToPath(import.meta.url));
const currentSdl = readFileSync(path.join(schemaDir, 'schema.graphql'), 'utf8');
const declared = JSON.parse(readFileSync(path.join(schemaDir, 'breaking-changes.json'), 'utf8')).changes;

const git = (...args) => execFileSync('git', args, { cwd: schemaDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The contract at a revision, or null when it did not exist there. */
function sdlAt(revision) {
  try {
    return git('show', `${revision}:./schema.graphql`);
  } catch {
    return null;
  }
}

/** The versions to compare, oldest first, ending with the working copy; or why there are none. */
function versions() {
  const base = process.env.SCHEMA_BASE;
  if (base) {
    try {
      git('rev-parse', '--verify', '--quiet', `${base}^{commit}`);
    } catch {
      return { missing: `revision ${base} is not available (no git repository, or a shallow clone: fetch the history, or set SCHEMA_BASE)` };
    }
    const sdl = sdlAt(base);
    if (sdl === null) return { missing: `schema/schema.graphql does not exist at ${base} (first version of the contract)` };
    return { list: [{ name: base, sdl }, { name: 'the working copy', sdl: currentSdl }] };
  }
  let commits;
  try {
    commits = git('log', '--reverse', '--format=%h', '--', 'schema.graphql').split('\n').filter(Boolean);
  } catch {
    return { missing: 'no git history here (set SCHEMA_BASE to compare with a revision)' };
  }
  if (git('rev-parse', '--is-shallow-repository').trim() === 'true') {
    console.warn('WARNING: shallow clone: only the versions of the contract in the fetched history are compared.');
  }
  const list = commits.map((name) => ({ name, sdl: sdlAt(name) })).filter((version) => version.sdl !== null);
  if (list.length === 0) return { missing: 'schema/schema.graphql has no committed version (first version of the contract)' };
  if (list.at(-1).sdl !== currentSdl) list.push({ name: 'the working copy', sdl: currentSdl });
  return { list };
}

function report(title, lines) {
  if (lines.length) console.log(`${title}\n${lines.map((line) => `  - ${line}`).join('\n')}`);
}

const found = versions();
const failures = [];
if (found.missing) {
  console.warn(`WARNING: contract comparison SKIPPED: ${found.missing}. Only the deprecation dates were checked.`);
  failures.push(...deprecationProblems(currentSdl));
} else if (found.list.length === 1) {
  failures.push(...deprecationProblems(currentSdl));
  console.log(`Contract schema/schema.graphql: one version (${found.list[0].name}), nothing to compare.`);
} else {
  for (let index = 1; index < found.list.length; index += 1) {
    const [before, after] = [found.list[index - 1], found.list[index]];
    const result = compareContracts(before.sdl, after.sdl, declared);
    const step = `${before.name} → ${after.name}`;
    failures.push(...result.failures.map((failure) => `${step}: ${failure}`));
    report(`Declared breaking changes, ${step}:`, result.breaking.filter((change) => change.declaration).map((change) => change.description));
    report(`Dangerous changes, ${step} (allowed; listed in schema/CHANGELOG.md):`, result.dangerous.map((change) => change.description));
  }
  console.log(`Contract schema/schema.graphql: ${found.list.length} versions compared, each with the one before (${found.list[0].name} → ${found.list.at(-1).name}).`);
}
if (failures.length) {
  report('Contract check FAILED:', failures);
  process.exit(1);
}
console.log('Contract check passed.');
