import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuiltServer {
  url: string;
  /** The server's process (in cluster mode, the primary). */
  pid: number;
  output: () => string;
  /** Resolves once the output contains `text` (fails past `timeoutMs`). */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Sends SIGTERM and resolves with the exit code once the server has stopped. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built server (`node server/dist/main.js`) as `pnpm start` does, on a fresh
 * embedded PostgreSQL in a temporary folder, and waits until it serves.
 */
export async function startBuiltServer(dataRoot: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const port = 40000 + Math.floor(Math.random() * 10000);
  let output = '';
  // The product's own defaults, as a user's clone has them: a centres path set in the
  // caller's environment is not inherited (a test that wants one passes it in `env`).
  const { COMMUNE_CENTRES_PATH: _inheritedCentres, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
    cwd: repositoryRoot,
    env: {
      ...inherited,
      DATABASE_URL: '',
      PORT: String(port),
      EMBEDDED_PG_DATA_DIR: path.join(dataRoot, 'postgres'),
      EMBEDDED_PG_PORT: String(port + 1),
      // Every test client is 127.0.0.1: the per-IP limit of /graphql is lifted unless a test sets it.
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const ready = await Promise.race([
    (async () => {
      for (;;) {
        if (output.includes('GraphQL API ready')) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })(),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`The built server exited before serving:\n${output}`);

  return {
    url: `http://localhost:${port}/graphql`,
    pid: child.pid!,
    output: () => output,
    async waitForOutput(text, timeoutMs = 20_000) {
      const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
      for (const deadline = Date.now() + timeoutMs; !found(); ) {
        if (Date.now() > deadline) throw new Error(`The built server did not say ${String(text)} within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A temporary folder for a server's data, removed by the returned function. */
export async function temporaryDataRoot(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-e2e-'));
  // mkdtemp makes it private; as root, the embedded PostgreSQL runs as 'postgres' and must reach it.
  await chmod(dataRoot, 0o755);
  return { path: dataRoot, remove: () => rm(dataRoot, { recursive: true, force: true }) };
}

export async function graphql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } };
}
