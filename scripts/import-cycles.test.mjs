/**
 * No import cycle in server/src or client/src (issue 15, item 2), checked by
 * dependency-cruiser on every `pnpm test`.
 *
 * Type-only imports count: a cycle made of `import type` is harmless at run time but is
 * still two modules that cannot be understood (or moved) apart, which is what this check
 * is for; the cycles issue 15 names (app/context ↔ memberships, mailer ↔ its
 * implementations) were of that kind.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Cycles known and not fixed yet, each as the set of its modules (order does not matter).
 * The check reports them and does not fail on them; any other cycle fails it. Remove an
 * entry once its cycle is gone (the check says so): this list is meant to be empty.
 */
const KNOWN_CYCLES = {
  server: [],
  client: [],
};

const key = (modules) => [...new Set(modules)].sort().join(' → ');

/** The import cycles of one package's src/, each as the list of its modules. */
async function cyclesOf(packageName) {
  const packageDir = path.join(repositoryRoot, packageName);
  const cwd = process.cwd();
  process.chdir(packageDir);
  try {
    const tsConfig = extractTSConfig(path.join(packageDir, 'tsconfig.json'));
    const result = await cruise(
      ['src'],
      {
        validate: true,
        includeOnly: '^src/',
        exclude: { path: 'node_modules' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
      },
      undefined,
      { tsConfig },
    );
    const cycles = new Map();
    for (const violation of result.output.summary.violations) {
      if (violation.rule.name !== 'no-circular') continue;
      const modules = [violation.from, ...violation.cycle.map((step) => step.name ?? step)];
      cycles.set(key(modules), modules);
    }
    return [...cycles.values()];
  } finally {
    process.chdir(cwd);
  }
}

describe('import cycles', () => {
  for (const packageName of ['server', 'client']) {
    it(`none in ${packageName}/src but the known ones`, async (t) => {
      const known = new Set(KNOWN_CYCLES[packageName].map(key));
      const cycles = await cyclesOf(packageName);
      const found = new Set(cycles.map(key));
      for (const cycle of known) {
        t.diagnostic(found.has(cycle) ? `known cycle, to fix: ${cycle}` : `gone, remove it from KNOWN_CYCLES: ${cycle}`);
      }
      const unknown = cycles.filter((cycle) => !known.has(key(cycle)));
      assert.deepEqual(
        unknown.map((cycle) => cycle.join(' → ')),
        [],
        `import cycles in ${packageName}/src (type-only imports count too)`,
      );
    });
  }
});
