import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { seededRandom } from '../core/seeded-random.js';
import { SEARCH_MIX, SUPPLIER_SEARCH } from './search-mix.js';

/**
 * `node dist/bench/load.bench.js` (in `pnpm bench`): the built server (`dist/main.js`, production
 * mode, the anonymous rate limit lifted) as a child process on the 8 000-supplier bench
 * database, once with SERVER_WORKERS=1 and once with 2, under CLIENTS concurrent keep-alive
 * clients of buyer searches (a load generator in a worker thread of this process, on the
 * same machine). Two loads each: the fixed mix of search-mix.ts repeated, and varied searches
 * (communes, départements, régions, categories, texts drawn from the directory) that no
 * cache has seen. Prints requests per second, p50/p95/p99, errors, the server's CPU time per
 * answered request (primary and workers; steadier than throughput on a shared machine) and its
 * resident memory (primary and workers) before and after. Figures only: nothing passes or fails.
 *
 * BENCH_LOAD_SECONDS (default 30): length of each load. BENCH_LOAD_CLIENTS (default 50).
 * BENCH_LOAD_WORKERS (default "1,2"): the SERVER_WORKERS values to run. BENCH_LOAD_NODE_ARGS: Node
 * options of the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles": workers inherit them).
 * BENCH_SOAK_MINUTES: instead, the 2-worker server under the varied load for that long,
 * its memory printed every minute and the growth from minute 1 to the end.
 */

const SIZE = 8_000;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const WORKER_COUNTS = (process.env.BENCH_LOAD_WORKERS ?? '1,2').split(',').map(Number);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
const WARM_UP_SECONDS = 5;
const VARIED_SEARCHES = 5_000;

/** What a browser sends: the server compresses as it would for the buyer SPA. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

interface LoadJob {
  url: string;
  clients: number;
  seconds: number;
  /** JSON bodies, taken in turn by the clients. */
  bodies: string[];
}

interface LoadResult {
  /** Latencies in ms of the requests answered 200 without errors, in the measured time. */
  latencies: Float64Array;
  errors: Record<string, number>;
  elapsedMs: number;
  responseBytes: number;
}

// ---------------------------------------------------------------------------------------------
// The load generator (worker thread): plain node:http with a keep-alive agent, bodies encoded
// once; each response is decompressed only to check that it carries no GraphQL error.

function decoded(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'deflate') return inflateSync(body).toString('utf8');
  return body.toString('utf8');
}

async function generateLoad(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const bodies = job.bodies.map((body) => Buffer.from(body));
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const fail = (kind: string) => void (errors[kind] = (errors[kind] ?? 0) + 1);
  let responseBytes = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;

  const post = (body: Buffer) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length, 'accept-encoding': ACCEPT_ENCODING },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const elapsed = performance.now() - sent;
            if (sent + elapsed > deadline) return resolve();
            const raw = Buffer.concat(chunks);
            responseBytes += raw.length;
            if (response.statusCode !== 200) fail(`HTTP ${response.statusCode}`);
            else if (decoded(raw, response.headers['content-encoding']).startsWith('{"errors"')) fail('GraphQL errors');
            else latencies.push(elapsed);
            resolve();
          });
          response.on('error', () => {
            fail('response error');
            resolve();
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (performance.now() <= deadline) fail(error.code ?? 'request error');
        resolve();
      });
      request.end(body);
    });

  const client = async () => {
    while (performance.now() < deadline) await post(bodies[next++ % bodies.length]);
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  agent.destroy();
  return { latencies: Float64Array.from(latencies), errors, elapsedMs: job.seconds * 1000, responseBytes };
}

if (!isMainThread) {
  void generateLoad(workerData as LoadJob).then((result) => parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]));
}

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// The server under load: `node dist/main.js`, its resident memory read from /proc.

interface ServerUnderLoad {
  url: string;
  pids: () => number[];
  output: () => string;
  stop(): Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A process and its descendants (the cluster's workers), from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields after its closing one.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(parents.get(tree[index]) ?? []));
  return tree;
}

/** CPU time these processes have used, in ms (utime + stime, in clock ticks of 10 ms). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks * 10;
}

/** Resident memory of these processes, in MiB (VmRSS). */
function residentMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return kib / 1024;
}

async function startServer(databaseUrl: string, workers: number): Promise<ServerUnderLoad> {
  const port = await freePort();
  let output = '';
  const nodeArguments = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArguments, fileURLToPath(new URL('../main.js', import.meta.url))], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SERVER_WORKERS: String(workers),
      // The bench directory is seeded already (openSeededBenchDatabase), and every client is 127.0.0.1.
      DEMO_SUPPLIERS: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Ready: listening, and every worker's directory index loaded (searches no longer run in SQL).
  const loaded = () => output.match(/Directory index: \d+ suppliers loaded/g)?.length ?? 0;
  const ready = await Promise.race([
    (async () => {
      while (!output.includes('GraphQL API ready') || loaded() < workers) await new Promise((resolve) => setTimeout(resolve, 100));
      return true;
    })(),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`The server exited before serving:\n${output}`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pids: () => processTree(child.pid!),
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Searches: the fixed mix, and varied ones drawn from the directory.

const TEXTS = [
  'nettoyage', 'espaces verts', 'traiteur', 'impression', 'blanchisserie', 'déménagement', 'menuiserie',
  'restauration', 'recyclage', 'informatique', 'couture', 'logistique', 'conditionnement', 'entretien',
  'peinture', 'jardinage', 'plateaux repas', 'bureaux', 'numérisation', 'mise sous pli', 'netoyage locaux',
  'tonte', 'repassage', 'sous-traitance', 'maraîchage', 'événementiel', 'signalétique', 'archives',
];

async function variedSearches(db: DataSource, count: number): Promise<string[]> {
  const column = async (sql: string) => (await db.query<{ value: string }[]>(sql)).map((row) => row.value);
  const communes = await column('SELECT commune_code AS value FROM supplier GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 400');
  const departements = await column('SELECT code AS value FROM departement ORDER BY 1');
  const regions = await column('SELECT code AS value FROM region ORDER BY 1');
  const categories = await column('SELECT slug AS value FROM category ORDER BY 1');
  const groups = await column('SELECT slug AS value FROM category_group ORDER BY 1');
  const random = seededRandom(13);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const bodies = new Set<string>();
  while (bodies.size < count) {
    const filter: Record<string, unknown> = {};
    let orderBy: string | undefined;
    const territory = random();
    if (territory < 0.2) filter.territory = { communeCode: pick(communes), scope: 'LOCATED_IN' };
    else if (territory < 0.35) filter.territory = { communeCode: pick(communes), radiusKm: pick([10, 20, 30, 50]) };
    else if (territory < 0.6) filter.territory = { departementCode: pick(departements) };
    else if (territory < 0.7) filter.territory = { regionCode: pick(regions) };
    const category = random();
    if (category < 0.35) filter.categorySlugs = [pick(categories)];
    else if (category < 0.6) filter.categoryGroupSlugs = [pick(groups)];
    if (random() < 0.4) filter.text = pick(TEXTS);
    if (random() < 0.1) filter.kinds = [pick(['EA', 'ESAT', 'EI', 'ACI', 'AI', 'ETTI', 'GEIQ'])];
    if (random() < 0.1) filter.smallPurchase = random() < 0.5 ? {} : { maxAmount: pick([2000, 5000, 10000, 40000]) };
    if (random() < 0.1) orderBy = pick(['NAME', 'RECENTLY_UPDATED']);
    bodies.add(JSON.stringify({ query: SUPPLIER_SEARCH, variables: { filter, orderBy, first: 20 } }));
  }
  return [...bodies];
}

// ---------------------------------------------------------------------------------------------

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const mib = (value: number) => `${value.toFixed(0)} MiB`;

function report(title: string, result: LoadResult, serverCpuMs: number): string {
  const sorted = result.latencies.slice().sort();
  const answered = sorted.length;
  const errors = Object.entries(result.errors);
  const errorText = errors.length ? errors.map(([kind, count]) => `${count} ${kind}`).join(', ') : '0';
  return (
    `${title.padEnd(18)} ${(answered / (result.elapsedMs / 1000)).toFixed(0).padStart(6)} req/s   ` +
    `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   ` +
    `p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms   errors ${errorText}   ` +
    `server CPU ${(serverCpuMs / Math.max(1, answered)).toFixed(1)} ms/request   ` +
    `${(result.responseBytes / Math.max(1, answered + errors.reduce((sum, [, count]) => sum + count, 0)) / 1024).toFixed(1)} KiB/response`
  );
}

async function checkSearches(url: string, bodies: string[]): Promise<void> {
  for (const body of bodies) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    if (response.status !== 200 || text.startsWith('{"errors"')) throw new Error(`A bench search fails (${response.status}): ${body}\n${text.slice(0, 500)}`);
  }
}

async function benchWorkers(databaseUrl: string, workers: number, loads: { title: string; bodies: string[] }[]): Promise<void> {
  const server = await startServer(databaseUrl, workers);
  console.log(`\n-- SERVER_WORKERS=${workers} --`);
  await checkSearches(server.url, [...loads[0].bodies, ...loads[1].bodies.slice(0, 50)]);
  await runLoad({ url: server.url, clients: CLIENTS, seconds: WARM_UP_SECONDS, bodies: loads[1].bodies });
  const before = residentMiB(server.pids());
  for (const load of loads) {
    const cpuBefore = cpuMs(server.pids());
    const result = await runLoad({ url: server.url, clients: CLIENTS, seconds: SECONDS, bodies: load.bodies });
    console.log(report(load.title, result, cpuMs(server.pids()) - cpuBefore));
  }
  const after = residentMiB(server.pids());
  const processes = server.pids().length;
  console.log(`server memory (RSS of ${processes} process${processes > 1 ? 'es' : ''}): ${mib(before)} after warm-up, ${mib(after)} after the loads`);
  const exitCode = await server.stop();
  if (exitCode !== 0) console.log(`(the server exited with code ${exitCode})\n${server.output().slice(-2000)}`);
}

async function soak(databaseUrl: string, bodies: string[]): Promise<void> {
  const server = await startServer(databaseUrl, 2);
  console.log(`\n-- soak: SERVER_WORKERS=2, varied searches, ${CLIENTS} clients, ${SOAK_MINUTES} min --`);
  const samples: number[] = [];
  const cpuBefore = cpuMs(server.pids());
  const load = runLoad({ url: server.url, clients: CLIENTS, seconds: SOAK_MINUTES * 60, bodies });
  const started = performance.now();
  console.log(`minute  0: ${mib(residentMiB(server.pids()))}`);
  for (let minute = 1; minute <= SOAK_MINUTES; minute += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + minute * 60_000 - performance.now() - 500)));
    samples.push(residentMiB(server.pids()));
    console.log(`minute ${String(minute).padStart(2)}: ${mib(samples[samples.length - 1])}`);
  }
  const result = await load;
  console.log(report('whole soak', result, cpuMs(server.pids()) - cpuBefore));
  const growth = (from: number) => `${(samples[samples.length - 1] - samples[from - 1]).toFixed(0)} MiB`;
  // The first minutes fill heaps and caches; a leak goes on growing over the second half too.
  const half = Math.max(1, Math.floor(SOAK_MINUTES / 2));
  console.log(`growth from minute 1 to minute ${SOAK_MINUTES}: ${growth(1)}; from minute ${half} to minute ${SOAK_MINUTES}: ${growth(half)}`);
  await server.stop();
}

async function main(): Promise<void> {
  // Imported here: the load generator's worker thread loads this file too, and needs none of it.
  await import('reflect-metadata');
  const { loadConfig } = await import('../core/config/config.js');
  const { benchDatabaseUrl, openSeededBenchDatabase, startBenchPostgres } = await import('./bench-postgres.js');
  const config = loadConfig();
  const { adminUrl, stop } = await startBenchPostgres(config);
  const db = await openSeededBenchDatabase(adminUrl, SIZE, config);
  const varied = await variedSearches(db, VARIED_SEARCHES);
  await db.destroy();
  const repeated = SEARCH_MIX.map((search) => JSON.stringify({ query: search.query, variables: search.variables }));
  const cores = availableParallelism();
  console.log(
    `\nLoad: ${SIZE.toLocaleString('en')} suppliers, ${CLIENTS} keep-alive clients (same machine, ${cores} cores), ${SECONDS} s per load; ` +
      `repeated mix: the ${repeated.length} searches of search-mix.ts in turn; varied: ${varied.length} different searches; node ${process.version}`,
  );
  const databaseUrl = benchDatabaseUrl(adminUrl, SIZE);
  if (SOAK_MINUTES > 0) {
    await soak(databaseUrl, varied);
  } else {
    for (const workers of WORKER_COUNTS) {
      await benchWorkers(databaseUrl, workers, [
        { title: 'repeated mix', bodies: repeated },
        { title: 'varied searches', bodies: varied },
      ]);
    }
  }
  await stop();
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
