import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startBuiltServer, temporaryDataRoot, type BuiltServer } from './built-server.js';

/** A process and its descendants (the workers, the embedded PostgreSQL and its backends), from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

const isNodeProcess = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server/dist/main.js');
  } catch {
    return false;
  }
};

/** A request on a connection of its own: the primary hands each new connection to the next worker. */
function request(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: options.method ?? 'GET', agent: false, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Which workers answer /health over `count` new connections. */
async function workersAnswering(server: BuiltServer, count = 6): Promise<Set<number>> {
  const workers = new Set<number>();
  for (let index = 0; index < count; index += 1) {
    const { status, body } = await request(new URL('/health', server.url).href);
    expect(status).toBe(200);
    workers.add((JSON.parse(body) as { worker: number }).worker);
  }
  return workers;
}

/**
 * The built server in cluster mode (SERVER_WORKERS=2): a primary that prepares the database
 * and forks two workers serving the same port. The client's IP comes from X-Forwarded-For
 * (TRUST_PROXY=loopback), so that each test counts against a budget of its own.
 */
describe('built server with two workers', () => {
  let dataRoot: Awaited<ReturnType<typeof temporaryDataRoot>>;
  let server: BuiltServer;
  const LIMIT = 10;

  beforeAll(async () => {
    dataRoot = await temporaryDataRoot();
    server = await startBuiltServer(dataRoot.path, {
      SERVER_WORKERS: '2',
      DEMO_SUPPLIERS: '40',
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(LIMIT),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await dataRoot?.remove();
  });

  it('says how many workers serve, and both answer requests', async () => {
    expect(server.output()).toContain('(2 worker processes serve requests)');
    expect(await workersAnswering(server)).toEqual(new Set([1, 2]));
    const { status, body } = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1' },
      body: JSON.stringify({ query: '{ suppliers(first: 3) { totalCount edges { node { name } } } }' }),
    });
    expect(status).toBe(200);
    const { data } = JSON.parse(body) as { data: { suppliers: { totalCount: number; edges: unknown[] } } };
    expect(data.suppliers.totalCount).toBe(40);
    expect(data.suppliers.edges).toHaveLength(3);
    // The demo directory was loaded once, by the primary.
    expect(server.output().match(/Loading the demo directory/g)).toHaveLength(1);
  });

  it('counts the per-IP limit once for the whole server, not per worker', async () => {
    const outcomes: { status: number; remaining: number }[] = [];
    for (let index = 0; index < LIMIT + 6; index += 1) {
      const { status, headers } = await request(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      outcomes.push({ status, remaining: Number(headers['ratelimit-remaining']) });
    }
    // Counters per worker would let about twice the limit through, connections taking turns.
    expect(outcomes.map((outcome) => outcome.status)).toEqual([...Array(LIMIT).fill(200), ...Array(6).fill(429)]);
    expect(outcomes.slice(0, LIMIT).map((outcome) => outcome.remaining)).toEqual(Array.from({ length: LIMIT }, (_, index) => LIMIT - 1 - index));
  });

  it("counts an API key's calls served by either worker, and shows them at once", async () => {
    const post = (body: object, headers: Record<string, string> = {}) =>
      request(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77', ...headers },
        body: JSON.stringify(body),
      });
    const signedUp = await post({
      query: 'mutation { signUp(input: { email: "grappe@exemple.fr", password: "cheval agrafe pile correcte", displayName: "ERP", role: BUYER }) { viewer { csrfToken } } }',
    });
    const session = { cookie: String(signedUp.headers['set-cookie']).split(';')[0], 'x-csrf-token': JSON.parse(signedUp.body).data.signUp.viewer.csrfToken };
    const created = await post({ query: 'mutation { createApiKey(input: { name: "ERP" }) { key } }' }, session);
    const key: string = JSON.parse(created.body).data.createApiKey.key;
    // One connection each: the primary hands them to the two workers in turn.
    for (let index = 0; index < 4; index += 1) {
      expect((await post({ query: '{ __typename }' }, { authorization: `Bearer ${key}` })).status).toBe(200);
    }
    const listed = await post({ query: '{ viewer { apiKeys { usage { calls } } } }' }, session);
    expect(JSON.parse(listed.body).data.viewer.apiKeys).toEqual([{ usage: { calls: 4 } }]);
  });

  it('replaces a worker that dies', async () => {
    const workers = processTree(server.pid).filter((pid) => pid !== server.pid && isNodeProcess(pid));
    expect(workers).toHaveLength(2);
    process.kill(workers[0], 'SIGKILL');
    await server.waitForOutput(new RegExp(`Worker \\d+ \\(pid ${workers[0]}\\) exited \\(signal SIGKILL\\): starting another in [\\d.]+ s`));
    await server.waitForOutput(/Worker 3 \(pid \d+\) serves requests/);
    const killed = Number(new RegExp(`Worker (\\d+) \\(pid ${workers[0]}\\) exited`).exec(server.output())![1]);
    expect(await workersAnswering(server)).toEqual(new Set([1, 2, 3].filter((worker) => worker !== killed)));
  });

  it('stops everything on SIGTERM: workers drained, then the embedded PostgreSQL, exit code 0', async () => {
    // The primary, two workers, the embedded PostgreSQL and its processes.
    const processes = processTree(server.pid);
    expect(processes.length).toBeGreaterThan(4);
    const before = server.output().length;
    const exitCode = await server.stop();
    expect(exitCode).toBe(0);
    const stopping = server.output().slice(before);
    expect(stopping).toContain('SIGTERM received, stopping…');
    // No worker is replaced while stopping, and the database stops last.
    expect(stopping).not.toContain('starting another');
    expect(stopping).not.toContain('terminating connection due to administrator command');
    for (let attempt = 0; attempt < 20 && processes.some((pid) => existsSync(`/proc/${pid}`)); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(processes.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });
});
