import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareContracts, declarationProblems, deprecationProblems } from './contract.mjs';

const schemaDir = path.dirname(fileURLToPath(import.meta.url));

const sdl = (supplierFields, kindValues = 'EA\n  ESAT') => `
type Query { suppliers: [Supplier!]! }
type Supplier {
  ${supplierFields}
}
enum SupplierKind {
  ${kindValues}
}
`;
const base = sdl('name: String!\n  siret: String @deprecated(reason: "Since 2026-01-10: use `siren` instead; removal after 2026-07-10")');
const withoutSiret = sdl('name: String!');
const declaration = {
  change: 'Supplier.siret was removed.',
  reason: 'SIRET moved to establishments.',
  date: '2026-07-15',
  deprecatedOn: '2026-01-10',
  deprecation: 'Since 2026-01-10: use `siren` instead; removal after 2026-07-10',
};

describe('compareContracts', () => {
  it('fails on a removed field that is not declared', () => {
    const { breaking, failures } = compareContracts(base, withoutSiret, []);
    assert.deepEqual(
      breaking.map((change) => change.description),
      ['Supplier.siret was removed.'],
    );
    assert.equal(failures.length, 1);
    assert.match(failures[0], /^Undeclared breaking change: Supplier\.siret was removed\./);
  });

  it('passes a removal declared after its deprecation', () => {
    const { breaking, failures } = compareContracts(base, withoutSiret, [declaration]);
    assert.deepEqual(failures, []);
    assert.equal(breaking[0].declaration, declaration);
  });

  it('refuses a declared removal of a field that was never deprecated', () => {
    const undeprecated = sdl('name: String!\n  siret: String');
    const { failures } = compareContracts(undeprecated, withoutSiret, [declaration]);
    assert.deepEqual(failures, ['Supplier.siret was removed. It was not deprecated in the previous version: deprecate first.']);
  });

  it('refuses a declaration with less than six months of notice', () => {
    const { failures } = compareContracts(base, withoutSiret, [{ ...declaration, date: '2026-03-01' }]);
    assert.deepEqual(failures, ['breaking-changes.json entry 1: 2026-03-01 is less than 6 months after the deprecation (2026-01-10).']);
  });

  it('passes an added field and an added type', () => {
    const added = `${sdl('name: String!\n  siret: String @deprecated(reason: "Since 2026-01-10: use `siren` instead; removal after 2026-07-10")\n  website: String')}\ntype Extra { a: Int }`;
    assert.deepEqual(compareContracts(base, added, []), { breaking: [], dangerous: [], failures: [] });
  });

  it('lets a new enum value through as a dangerous change', () => {
    const { dangerous, failures } = compareContracts(base, sdl('name: String!\n  siret: String @deprecated(reason: "Since 2026-01-10: x; removal after 2026-07-10")', 'EA\n  ESAT\n  GEIQ'), []);
    assert.deepEqual(failures, []);
    assert.deepEqual(
      dangerous.map((change) => change.description),
      ['GEIQ was added to enum type SupplierKind.'],
    );
  });

  it('fails on a changed field type', () => {
    const { failures } = compareContracts(base, sdl('name: Int!\n  siret: String @deprecated(reason: "Since 2026-01-10: x; removal after 2026-07-10")'), []);
    assert.equal(failures.length, 1);
    assert.match(failures[0], /Supplier\.name changed type from String! to Int!/);
  });
});

describe('deprecationProblems', () => {
  it('accepts a reason with both dates six months apart', () => {
    assert.deepEqual(deprecationProblems(base), []);
  });

  it('refuses a reason without dates, on fields, arguments and enum values', () => {
    const undated = `
type Query { suppliers(near: String @deprecated(reason: "use territory")): [String!]! old: Int @deprecated }
enum Kind { A B @deprecated(reason: "Since 2026-01-10: gone") }`;
    const problems = deprecationProblems(undated);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /^Query\.suppliers\(near:\): the deprecation reason must give both dates/);
    assert.match(problems[1], /^Query\.old: .*\(is: "No longer supported"\)/);
    assert.match(problems[2], /^Kind\.B: /);
  });

  it('refuses a removal less than six months after the deprecation', () => {
    const early = 'type Query { a: Int @deprecated(reason: "Since 2026-01-10: use b; removal after 2026-05-01") b: Int }';
    assert.deepEqual(deprecationProblems(early), ['Query.a: removal after 2026-05-01 is less than 6 months after 2026-01-10.']);
  });
});

describe('declarationProblems', () => {
  it('names the missing fields and invalid dates', () => {
    assert.deepEqual(declarationProblems([{ change: 'Query.a was removed.', date: '2026-02-30' }]), [
      'breaking-changes.json entry 1: "reason" is missing.',
      'breaking-changes.json entry 1: "deprecation" is missing.',
      'breaking-changes.json entry 1: "date" must be YYYY-MM-DD.',
      'breaking-changes.json entry 1: "deprecatedOn" must be YYYY-MM-DD.',
    ]);
  });
});

describe('check-contract.mjs', () => {
  const run = (env) => spawnSync(process.execPath, [path.join(schemaDir, 'check-contract.mjs')], { env: { ...process.env, ...env }, encoding: 'utf8' });

  it('says loudly that it skipped the comparison when the base revision is missing', () => {
    const result = run({ SCHEMA_BASE: 'no-such-revision' });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /WARNING: contract comparison SKIPPED: revision no-such-revision is not available/);
  });

  it('passes the committed contract against itself', (context) => {
    try {
      execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: schemaDir, stdio: 'ignore' });
    } catch {
      context.skip('no git history here');
      return;
    }
    const result = run({ SCHEMA_BASE: 'HEAD' });
    assert.match(result.stdout, /2 versions compared, each with the one before \(HEAD → the working copy\)/);
    assert.equal(result.status, 0, result.stdout);
  });

  it('fails on a breaking change in any commit, even when a later commit undoes it', () => {
    // A repository of its own beside this file (so that `graphql` resolves), with three
    // versions of the contract: the field removed in the second, back in the third.
    const repo = mkdtempSync(path.join(schemaDir, '.contract-history-'));
    try {
      for (const file of ['check-contract.mjs', 'contract.mjs', 'breaking-changes.json']) copyFileSync(path.join(schemaDir, file), path.join(repo, file));
      const git = (...args) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'ignore' });
      git('init', '-q');
      for (const [message, contract] of [['v1', sdl('name: String!\n  siret: String')], ['v2', sdl('name: String!')], ['v3', sdl('name: String!\n  siret: String')]]) {
        writeFileSync(path.join(repo, 'schema.graphql'), contract);
        git('add', '.');
        git('commit', '-qm', message);
      }
      const result = spawnSync(process.execPath, [path.join(repo, 'check-contract.mjs')], { env: { ...process.env, SCHEMA_BASE: '' }, encoding: 'utf8' });
      assert.equal(result.status, 1, result.stdout);
      assert.match(result.stdout, /3 versions compared/);
      assert.match(result.stdout, /[0-9a-f]+ → [0-9a-f]+: Undeclared breaking change: Supplier\.siret was removed\./);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
