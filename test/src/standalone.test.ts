import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The product stands on its own: a user's clone has no sibling folder of development
 * material, so nothing it runs, tests, benches or configures may read one.
 */

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Built from parts so that this file does not match itself.
const SIBLING_SHARED = new RegExp(['\\.\\.', '[\\\\/]', 'shared', '\\b'].join(''));

function repositoryFiles(): string[] {
  // Tracked files and new ones not ignored: what a commit of this work tree would hold.
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repositoryRoot, encoding: 'utf8' });
  return listed.split('\0').filter((file) => file !== '' && file !== 'pnpm-lock.yaml');
}

describe('the repository', () => {
  it('refers to no sibling shared folder in any source file, script, config or document', () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(repositoryRoot, file), 'utf8');
      } catch {
        continue; // listed but deleted in the work tree
      }
      text.split('\n').forEach((line, index) => {
        if (SIBLING_SHARED.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
