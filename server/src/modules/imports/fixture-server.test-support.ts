import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { fixturePath } from './test-records.js';

/**
 * Tests only: a local HTTP server (127.0.0.1, random port) serving the fixtures the ways
 * real servers do, well or badly. Paths (`:name` is a file of fixtures/):
 *
 * - `/plain/:name`, `/gzip/:name`, `/br/:name`, `/deflate-raw/:name` (Content-Encoding),
 *   `/gz/:name.gz` (a gzip file), `/chunked/:name` (no Content-Length, three chunks),
 *   `/gzip-truncated/:name` (a complete response whose gzip stream is cut)
 * - `/redirect/:n/<path>`: n redirects (relative Location), then `/<path>`;
 *   `/redirect-to?location=…`: one redirect anywhere; `/echo`: 200, the request's headers
 * - `/missing` 404; `/private` 401 with a JSON `detail`; `/flaky/:failures/<path>`: 503
 *   the first `failures` times (per path), then `/<path>`; `/rate-limited/<path>`: 429
 *   with `Retry-After: 1` the first time
 * - `/slow/:name` (16 bytes every 40 ms), `/stall` (headers and 10 bytes, then nothing),
 *   `/cut-length/:name` (half the announced body, then the connection is destroyed),
 *   `/cut-chunked/:name` (the same without Content-Length)
 * - `/login` (a 200 HTML login page), `/empty` (200, no body), `/big` (10 MB announced),
 *   `/big-chunked` (endless chunks), `/gzip-bomb` (5 MB of zeros, gzip-encoded)
 * - paged APIs, Django REST Framework pages of `page_size` results (3 by default):
 *   `/api/siae/` (le marché's fixture; needs `Authorization: Token test-token`; absolute
 *   `next` links), `/api/v1/siaes/` (les emplois' fixture; relative `next` links),
 *   `/api/loop/` (next is itself), `/api/elsewhere/` (next on another host),
 *   `/api/shrinking/` (announces 5 results, gives 2), `/api/broken/` (page 2 is an HTML page)
 */

export const TEST_TOKEN = 'Token test-token';

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path: string): string;
  /** Every request, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `res` can take more, or is closed. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function fixture(name: string): Buffer {
  return readFileSync(fixturePath(name.replace(/\.gz$/, '')));
}

function typeOf(name: string): string {
  if (name.endsWith('.gz')) return 'application/gzip';
  return name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8';
}

function pageOf(file: string, page: number, size: number): { count: number; results: unknown[]; last: boolean } {
  const { results } = JSON.parse(fixture(file).toString('utf8')) as { results: unknown[] };
  return { count: results.length, results: results.slice((page - 1) * size, page * size), last: page * size >= results.length };
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const failures = new Map<string, number>();
  let origin = '';

  const send = (res: ServerResponse, status: number, body: Buffer | string, headers: http.OutgoingHttpHeaders = {}) => {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
    res.writeHead(status, { 'content-length': buffer.length, ...headers });
    res.end(buffer);
  };

  const serve = async (target: string, req: http.IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(target, origin);
    const [, kind = '', ...rest] = url.pathname.split('/');
    const name = rest.join('/');
    const tail = `/${rest.slice(1).join('/')}${url.search}`;
    switch (kind) {
      case 'plain':
        return send(res, 200, fixture(name), { 'content-type': typeOf(name) });
      case 'gzip':
        return send(res, 200, zlib.gzipSync(fixture(name)), { 'content-type': typeOf(name), 'content-encoding': 'gzip' });
      case 'br':
        return send(res, 200, zlib.brotliCompressSync(fixture(name)), { 'content-type': typeOf(name), 'content-encoding': 'br' });
      case 'deflate-raw':
        return send(res, 200, zlib.deflateRawSync(fixture(name)), { 'content-type': typeOf(name), 'content-encoding': 'deflate' });
      case 'gzip-truncated': {
        const gzip = zlib.gzipSync(fixture(name));
        return send(res, 200, gzip.subarray(0, gzip.length - 40), { 'content-type': typeOf(name), 'content-encoding': 'gzip' });
      }
      case 'gz':
        return send(res, 200, zlib.gzipSync(fixture(name)), { 'content-type': typeOf(name) });
      case 'chunked': {
        const body = fixture(name);
        res.writeHead(200, { 'content-type': typeOf(name) });
        const third = Math.ceil(body.length / 3);
        for (let start = 0; start < body.length; start += third) {
          res.write(body.subarray(start, start + third));
          await wait(10);
        }
        return void res.end();
      }
      case 'redirect': {
        const left = Number(rest[0]);
        const location = left > 1 ? `/redirect/${left - 1}${tail}` : tail;
        res.writeHead(302, { location, 'content-length': 0 });
        return void res.end();
      }
      case 'redirect-to':
        res.writeHead(302, { location: url.searchParams.get('location')!, 'content-length': 0 });
        return void res.end();
      case 'echo':
        return send(res, 200, JSON.stringify(req.headers), { 'content-type': 'application/json' });
      case 'missing':
        return send(res, 404, 'Not Found', { 'content-type': 'text/plain' });
      case 'private':
        return send(res, 401, JSON.stringify({ detail: 'Informations d’authentification non fournies.' }), { 'content-type': 'application/json' });
      case 'flaky': {
        const seen = failures.get(url.pathname) ?? 0;
        failures.set(url.pathname, seen + 1);
        if (seen < Number(rest[0])) return send(res, 503, 'Service Unavailable', { 'content-type': 'text/plain' });
        return serve(tail, req, res);
      }
      case 'rate-limited': {
        const seen = failures.get(url.pathname) ?? 0;
        failures.set(url.pathname, seen + 1);
        if (seen === 0) return send(res, 429, 'Too Many Requests', { 'retry-after': '1' });
        return serve(`/${name}${url.search}`, req, res);
      }
      case 'slow': {
        const body = fixture(name);
        res.writeHead(200, { 'content-length': body.length, 'content-type': typeOf(name) });
        for (let start = 0; start < body.length && !res.destroyed; start += 16) {
          res.write(body.subarray(start, start + 16));
          await wait(40);
        }
        return void res.end();
      }
      case 'stall':
        res.writeHead(200, { 'content-type': 'text/csv' });
        return void res.write('siret,nom\n');
      case 'cut-length':
      case 'cut-chunked': {
        const body = fixture(name);
        res.writeHead(200, { 'content-type': typeOf(name), ...(kind === 'cut-length' ? { 'content-length': body.length } : {}) });
        res.write(body.subarray(0, body.length >> 1));
        await wait(20);
        return void res.socket?.destroy();
      }
      case 'login':
        return send(res, 200, '<!DOCTYPE html>\n<html lang="fr"><head><title>Connexion</title></head><body><form>…</form></body></html>', {
          'content-type': 'text/html; charset=utf-8',
        });
      case 'empty':
        return send(res, 200, '', { 'content-type': 'text/csv' });
      case 'big':
        res.writeHead(200, { 'content-length': 10_000_000, 'content-type': 'text/csv' });
        return void res.write(Buffer.alloc(1_000, 'a'));
      case 'big-chunked': {
        res.writeHead(200, { 'content-type': 'text/csv' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let sent = 0; sent < 20e6 && !res.destroyed; sent += chunk.length) {
          if (!res.write(chunk)) await writable(res);
        }
        return void res.end();
      }
      case 'gzip-bomb':
        return send(res, 200, zlib.gzipSync(Buffer.alloc(5_000_000)), { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
      case 'api':
        return serveApi(url, req, res);
      default:
        return send(res, 404, 'Not Found');
    }
  };

  const serveApi = (url: URL, req: http.IncomingMessage, res: ServerResponse) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    const size = Number(url.searchParams.get('page_size') ?? '3');
    const json = (body: unknown) => send(res, 200, JSON.stringify(body), { 'content-type': 'application/json' });
    const withPage = (number: number) => {
      const next = new URL(url);
      next.searchParams.set('page', String(number));
      return next;
    };
    switch (url.pathname) {
      case '/api/siae/': {
        if (req.headers.authorization !== TEST_TOKEN) {
          return send(res, 401, JSON.stringify({ detail: 'Informations d’authentification non fournies.' }), { 'content-type': 'application/json' });
        }
        const { count, results, last } = pageOf('marche-inclusion-siae.json', page, size);
        return json({ count, next: last ? null : withPage(page + 1).href, previous: page > 1 ? withPage(page - 1).href : null, results });
      }
      case '/api/v1/siaes/': {
        const { count, results, last } = pageOf('emplois-inclusion-siaes.json', page, size);
        return json({ count, next: last ? null : withPage(page + 1).search, previous: null, results });
      }
      case '/api/loop/':
        return json({ count: 9, next: url.href, previous: null, results: [{ id: page }] });
      case '/api/elsewhere/':
        return json({ count: 9, next: `http://localhost:${new URL(origin).port}/api/elsewhere/?page=2`, previous: null, results: [{ id: 1 }] });
      case '/api/shrinking/':
        return json({ count: 5, next: page === 1 ? withPage(2).href : null, previous: null, results: [{ id: page }] });
      case '/api/broken/':
        if (page === 1) return json({ count: 2, next: withPage(2).href, previous: null, results: [{ id: 1 }] });
        return send(res, 200, '<!DOCTYPE html><html><head><title>Maintenance</title></head></html>', { 'content-type': 'text/html' });
      default:
        return send(res, 404, JSON.stringify({ detail: 'Pas trouvé.' }), { 'content-type': 'application/json' });
    }
  };

  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    serve(req.url ?? '/', req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
