#!/usr/bin/env node
// Builds the server and the client only when their inputs changed since their last build.
//
//   node scripts/build-if-stale.mjs [server] [client] [--force]
//
// Each build's inputs are hashed (files' paths and contents, environment variables); the hash is written to a stamp file in
// its dist folder once the build succeeds, and compared on the next run: same hash, no build.
// Type checks are not part of these builds (pnpm test and pnpm typecheck run them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['pnpm-lock.yaml', 'tsconfig.base.json'];

/**
 * @typedef {{ command: string, inputs: string[], include?: (file: string) => boolean, env?: (name: string) => boolean,
 *   stamp: string, prune?: { out: string, src: string }, forget?: string }} Target
 */

/** @type {Record<string, Target>} Paths are relative to the repository root. */
export const targets = {
  server: {
    command: 'pnpm --filter ./server run build',
    inputs: ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json', ...shared],
    // What tsconfig.build.json compiles: sources and JSON, not the tests.
    include: (file) => !file.startsWith('server/src/') || (/\.(ts|json)$/.test(file) && !/\.test(-support)?\.ts$|\/test-support\//.test(file)),
    stamp: 'server/dist/.build-stamp',
    // tsc (incremental) leaves the output of deleted sources behind, and re-emits only what it
    // thinks changed: a forced build forgets its state.
    prune: { out: 'server/dist', src: 'server/src' },
    forget: 'server/dist/.tsbuildinfo',
  },
  client: {
    command: 'pnpm --filter ./client run build',
    inputs: [
      ...['src', 'public', 'index.html', 'explorer.html', 'codegen.ts', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((file) => `client/${file}`),
      ...['.env', '.env.local', '.env.production', '.env.production.local'].map((file) => `client/${file}`),
      'schema/schema.graphql',
      ...shared,
    ],
    // Written by codegen from the schema and the documents in client/src.
    include: (file) => !file.startsWith('client/src/graphql/generated/'),
    // Vite writes these variables' values (and those of the .env files) into the bundle.
    env: (name) => name.startsWith('VITE_'),
    stamp: 'client/dist/.build-stamp',
  },
};

/** Hash of the target's build command, of the paths and contents of its input files, and of its variables. */
export function fingerprint(target, root = repositoryRoot, env = process.env) {
  const hash = createHash('sha256').update(target.command);
  for (const name of Object.keys(env).filter(target.env ?? (() => false)).sort()) hash.update(`\0$${name}=${env[name]}`);
  const files = target.inputs.flatMap((input) => listFiles(root, input)).filter(target.include ?? (() => true)).sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

function listFiles(root, relative) {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Deletes the compiled files (x.js, x.js.map) whose source (x.ts) no longer exists. */
export function pruneOrphans({ out, src }, root = repositoryRoot) {
  const pruned = [];
  for (const file of listFiles(root, out)) {
    const compiled = /^(.*)\.js(\.map)?$/.exec(path.relative(out, file));
    if (compiled && !existsSync(path.join(root, src, `${compiled[1]}.ts`))) {
      rmSync(path.join(root, file));
      pruned.push(file);
    }
  }
  return pruned;
}

/** Runs the target's build unless its stamp holds the current fingerprint; returns whether it built. */
export function buildIfStale(target, { root = repositoryRoot, env = process.env, force = false, log = console.log } = {}) {
  const stampFile = path.join(root, target.stamp);
  const current = fingerprint(target, root, env);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === current) return false;
  if (force && target.forget) rmSync(path.join(root, target.forget), { force: true });
  log(`[build] ${target.command}`);
  const { status } = spawnSync(target.command, { cwd: root, env, shell: true, stdio: 'inherit' });
  if (status !== 0) throw new Error(`Build failed (exit code ${status}): ${target.command}`);
  if (target.prune) for (const file of pruneOrphans(target.prune, root)) log(`[build] removed ${file} (its source is gone)`);
  writeFileSync(stampFile, `${current}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => arg !== '--force');
  const unknown = names.filter((name) => !(name in targets));
  if (unknown.length) {
    console.error(`Unknown build: ${unknown.join(', ')} (known: ${Object.keys(targets).join(', ')})`);
    process.exit(2);
  }
  try {
    for (const name of names.length ? names : Object.keys(targets)) {
      if (!buildIfStale(targets[name], { force: args.includes('--force') })) console.log(`[build] ${name}: up to date`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
