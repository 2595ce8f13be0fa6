/**
 * No unused file or dependency in the workspace (issue 15, item 2), checked by knip
 * (knip.jsonc at the root says what it looks at) on every `pnpm test`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Findings known and not fixed yet: reported, not failing. Remove an entry once it is gone
 * (the check says so): this list is meant to be empty.
 */
const KNOWN = [];

it('no unused file or dependency but the known ones (knip)', (t) => {
  let output;
  try {
    output = execFileSync(path.join(repositoryRoot, 'node_modules/.bin/knip'), ['--no-progress', '--reporter', 'json'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // knip exits 1 when it finds something; its report is on stdout all the same.
    if (!error.stdout) throw error;
    output = error.stdout;
  }
  const findings = [];
  for (const issue of JSON.parse(output).issues) {
    for (const [kind, items] of Object.entries(issue)) {
      if (!Array.isArray(items)) continue;
      for (const item of items) findings.push(kind === 'files' ? `files: ${item.name ?? issue.file}` : `${kind}: ${issue.file} ${item.name}`);
    }
  }
  for (const entry of KNOWN) t.diagnostic(findings.includes(entry) ? `known, to fix: ${entry}` : `gone, remove it from KNOWN: ${entry}`);
  assert.deepEqual(
    findings.filter((finding) => !KNOWN.includes(finding)),
    [],
  );
});
