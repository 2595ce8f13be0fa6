import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { buildIfStale, fingerprint, targets } from './build-if-stale.mjs';

describe('build-if-stale', () => {
  let root;
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  // A "build" that turns every src/**/x.ts into dist/**/x.js and counts its runs.
  const compile = `const fs = require('fs'), path = require('path');
for (const file of fs.readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.ts'))) {
  fs.mkdirSync(path.dirname(path.join('dist', file)), { recursive: true });
  fs.writeFileSync(path.join('dist', file.replace(/\\.ts$/, '.js')), '');
}
fs.appendFileSync('runs', 'x');`;
  const target = {
    command: 'node compile.cjs',
    inputs: ['src', 'config.json'],
    include: (file) => !file.startsWith('src/generated/'),
    env: (name) => name.startsWith('APP_'),
    stamp: 'dist/.build-stamp',
    prune: { out: 'dist', src: 'src' },
    forget: 'dist/.state',
  };
  const build = (options = {}) => buildIfStale(target, { root, log: () => {}, ...options });
  const runs = () => (existsSync(path.join(root, 'runs')) ? read('runs').length : 0);

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'build-if-stale-'));
    write('src/a.ts', 'export const a = 1;');
    write('src/nested/b.ts', 'export const b = 2;');
    write('config.json', '{}');
    write('compile.cjs', compile);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time, then skips while no input changed', () => {
    assert.equal(build(), true);
    assert.equal(build(), false);
    // A new modification time with the same content is no change.
    utimesSync(path.join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 5000));
    assert.equal(build(), false);
    assert.equal(runs(), 1);
  });

  it('rebuilds when an input file changes, is added or is removed', () => {
    build();
    write('src/nested/b.ts', 'export const b = 3;');
    assert.equal(build(), true);
    write('src/c.ts', 'export const c = 4;');
    assert.equal(build(), true);
    assert.equal(build(), false);
    write('config.json', '{ "strict": true }');
    assert.equal(build(), true);
    assert.equal(runs(), 4);
  });

  it('ignores files outside the included ones', () => {
    build();
    write('src/generated/types.ts', 'export type T = 1;');
    write('unrelated.txt', 'x');
    assert.equal(build(), false);
  });

  it('rebuilds when a variable the build reads changes, not for other variables', () => {
    const env = { PATH: process.env.PATH, APP_TILES: 'a' };
    build({ env });
    assert.equal(build({ env: { ...env, OTHER: 'x' } }), false);
    assert.equal(build({ env: { ...env, APP_TILES: 'b' } }), true);
    assert.equal(build({ env: { ...env, APP_TILES: 'b' } }), false);
    assert.equal(build({ env: { PATH: process.env.PATH } }), true);
  });

  it('rebuilds when the output (and its stamp) is gone, or when forced', () => {
    build();
    rmSync(path.join(root, 'dist'), { recursive: true });
    assert.equal(build(), true);
    write('dist/.state', 'incremental state');
    assert.equal(build({ force: true }), true);
    assert.equal(runs(), 3);
    assert.ok(!existsSync(path.join(root, 'dist/.state')));
  });

  it('removes the output of a deleted source', () => {
    build();
    assert.ok(existsSync(path.join(root, 'dist/nested/b.js')));
    writeFileSync(path.join(root, 'dist/nested/b.js.map'), '{}');
    rmSync(path.join(root, 'src/nested/b.ts'));
    assert.equal(build(), true);
    assert.ok(!existsSync(path.join(root, 'dist/nested/b.js')));
    assert.ok(!existsSync(path.join(root, 'dist/nested/b.js.map')));
    assert.ok(existsSync(path.join(root, 'dist/a.js')));
  });

  it('keeps no stamp when the build fails, so the next run builds again', () => {
    const failing = { ...target, command: 'node -e "process.exit(3)"' };
    assert.throws(() => buildIfStale(failing, { root, log: () => {} }), /exit code 3/);
    assert.ok(!existsSync(path.join(root, 'dist/.build-stamp')));
  });

  it('fingerprints the real server and client inputs, tests and generated code aside', () => {
    for (const [name, real] of Object.entries(targets)) assert.match(fingerprint(real), /^[0-9a-f]{64}$/, name);
    assert.equal(targets.server.include('server/src/main.ts'), true);
    assert.equal(targets.server.include('server/src/app/schema.test.ts'), false);
    assert.equal(targets.server.include('server/src/test-support/database.ts'), false);
    assert.equal(targets.client.include('client/src/graphql/generated/graphql.ts'), false);
    assert.equal(targets.client.include('client/src/App.vue'), true);
  });
});
