import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayUrl, downloadFile, DownloadError, downloadUrl, suggestedName, type DownloadOptions, type DownloadProgress } from './download.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.test-support.js';
import { fixturePath } from './test-records.js';

/** downloadFile against a local HTTP server serving the fixtures (fixture-server.test-support.ts). */

const CSV = 'data-inclusion-structures.csv';

let server: FixtureServer;
let dir: string;
let counter = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-download-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Fast retries, short bounds: tests must not wait for production timings. */
const FAST: DownloadOptions = { retryDelayMs: 5, limits: { idleTimeoutMs: 2_000, timeoutMs: 10_000 } };

async function download(urlPath: string, options: DownloadOptions = {}) {
  const destination = path.join(dir, `file-${++counter}`);
  const progress: DownloadProgress[] = [];
  const retries: string[] = [];
  const result = await downloadFile(server.url(urlPath), destination, {
    ...FAST,
    ...options,
    limits: { ...FAST.limits, ...options.limits },
    onProgress: (update) => progress.push(update),
    onRetry: (message) => retries.push(message),
  });
  return { result, content: await readFile(destination), progress, retries };
}

async function failure(urlPath: string, options: DownloadOptions = {}): Promise<DownloadError> {
  const error = await download(urlPath, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

const requestsTo = (prefix: string) => server.requests.filter((request) => request.path.startsWith(prefix)).length;

describe('downloadFile', () => {
  it('streams a plain file to disk, with its size and type, and reports progress up to the Content-Length', async () => {
    const expected = await readFile(fixturePath(CSV));
    const { result, content, progress } = await download(`/plain/${CSV}`);
    expect(content.equals(expected)).toBe(true);
    expect(result).toMatchObject({ url: server.url(`/plain/${CSV}`), bytes: expected.length, contentType: 'text/csv; charset=utf-8', gunzipped: false });
    expect(progress.at(-1)).toEqual({ bytes: expected.length, total: expected.length });
  });

  it.each(['gzip', 'br', 'deflate-raw'])('decodes a %s Content-Encoding', async (encoding) => {
    const { content, result } = await download(`/${encoding}/${CSV}`);
    expect(content.equals(await readFile(fixturePath(CSV)))).toBe(true);
    expect(result.gunzipped).toBe(false);
  });

  it('refuses a gzip stream cut short inside a complete response', async () => {
    const error = await failure(`/gzip-truncated/${CSV}`);
    expect(error.message).toBe('Contenu compressé illisible ou tronqué (unexpected end of file).');
  });

  it('decompresses a gzip file (.gz) and says so', async () => {
    const { content, result } = await download(`/gz/${CSV}.gz`);
    expect(content.toString('utf8')).toBe(await readFile(fixturePath(CSV), 'utf8'));
    expect(result.gunzipped).toBe(true);
  });

  it('reads a chunked body (no Content-Length)', async () => {
    const { content, progress } = await download('/chunked/marche-inclusion-siae.json');
    expect(content.equals(await readFile(fixturePath('marche-inclusion-siae.json')))).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((update) => update.total === null)).toBe(true);
  });

  it('follows redirects up to the limit, and no further', async () => {
    const { content, result } = await download(`/redirect/3/gzip/${CSV}`);
    expect(content.equals(await readFile(fixturePath(CSV)))).toBe(true);
    expect(result.url).toBe(server.url(`/gzip/${CSV}`));

    const tooMany = await failure(`/redirect/4/plain/${CSV}`, { limits: { maxRedirects: 3 } });
    expect(tooMany.message).toMatch(/^Trop de redirections \(plus de 3\)/);
  });

  it('refuses a redirect to another scheme than http(s), and addresses that are not http(s)', async () => {
    const error = await failure(`/redirect-to?location=${encodeURIComponent('ftp://127.0.0.1/structures.csv')}`);
    expect(error.message).toMatch(/Redirection refusée vers une adresse ftp:\/\//);
    expect(() => downloadUrl('file:///etc/passwd')).toThrow(/Seules les adresses http:\/\/ et https:\/\//);
    expect(() => downloadUrl('pas une adresse')).toThrow(/Adresse illisible/);
  });

  it('sends the operator’s headers to the given origin only', async () => {
    const elsewhere = server.url('/echo').replace('127.0.0.1', 'localhost');
    const { content } = await download(`/redirect-to?location=${encodeURIComponent(elsewhere)}`, {
      headers: { Authorization: 'Token secret', 'X-Trace': 'kept' },
    });
    const echoed = JSON.parse(content.toString('utf8')) as Record<string, string>;
    expect(echoed.host).toMatch(/^localhost:/);
    expect(echoed.authorization).toBeUndefined();
    expect(echoed['x-trace']).toBe('kept');
    const first = server.requests.filter((request) => request.path.startsWith('/redirect-to')).at(-1);
    expect(first?.headers.authorization).toBe('Token secret');

    // Refused there for want of the token: the message says why.
    const api = server.url('/api/siae/').replace('127.0.0.1', 'localhost');
    const denied = await failure(`/redirect-to?location=${encodeURIComponent(api)}`, { headers: { Authorization: 'Token test-token' } });
    expect(denied.message).toMatch(/L’adresse a été redirigée vers localhost:\d+, où les en-têtes --header ne sont pas envoyés/);
  });

  it('fails on 404 at once, and explains a 401 with what the server says', async () => {
    const before = requestsTo('/missing');
    const missing = await failure('/missing');
    expect(missing.message).toMatch(/^Adresse introuvable \(HTTP 404 Not Found\)\. Le serveur dit : « Not Found »/);
    expect(requestsTo('/missing') - before).toBe(1);

    const denied = await failure('/private');
    expect(denied.message).toContain('Accès refusé (HTTP 401 Unauthorized). Le serveur dit : « Informations d’authentification non fournies. »');
    expect(denied.message).toContain('--header "Authorization: …"');
  });

  it('retries a server error with backoff, then succeeds', async () => {
    const { content, retries } = await download(`/flaky/2/plain/${CSV}`);
    expect(content.equals(await readFile(fixturePath(CSV)))).toBe(true);
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(/^Erreur du serveur \(HTTP 503 Service Unavailable\)\..* Nouvel essai dans \d+ ms \(2\/4\)\.$/);
    expect(requestsTo(`/flaky/2/plain/${CSV}`)).toBe(3);
  });

  it('gives up after the retries, saying how many attempts were made', async () => {
    const error = await failure(`/flaky/9/plain/${CSV}`, { limits: { retries: 1 } });
    expect(error.message).toMatch(/^Erreur du serveur \(HTTP 503 Service Unavailable\)\..*\(2 essais\)$/);
  });

  it('waits as long as Retry-After says after a 429', async () => {
    const started = Date.now();
    const { retries } = await download(`/rate-limited/plain/${CSV}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries[0]).toMatch(/^Trop de requêtes, le serveur limite le débit \(HTTP 429.*Nouvel essai dans 1 s/);
  });

  it('stops a download that takes longer than the time bound', async () => {
    const started = Date.now();
    const error = await failure('/slow/finess-esat.csv', { limits: { timeoutMs: 300 } });
    expect(error.message).toBe('Téléchargement trop long : plus de 300 ms (--timeout).');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a server that stops sending, after retrying it', async () => {
    const before = requestsTo('/stall');
    const error = await failure('/stall', { limits: { idleTimeoutMs: 150, retries: 1 } });
    expect(error.message).toBe('Aucune donnée reçue depuis 150 ms (--idle-timeout). (2 essais)');
    expect(requestsTo('/stall') - before).toBe(2);
  });

  it('detects a body cut in the middle, with or without Content-Length', async () => {
    const size = (await readFile(fixturePath('finess-esat.csv'))).length;
    const announced = await failure('/cut-length/finess-esat.csv', { limits: { retries: 0 } });
    expect(announced.message).toMatch(/^Téléchargement incomplet : la connexion a été coupée après [\d,]+ ko sur [\d,]+ ko annoncés\.$/);
    expect(announced.message).toContain(`sur ${(size / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ko`);

    const chunked = await failure('/cut-chunked/finess-esat.csv', { limits: { retries: 1 } });
    expect(chunked.message).toMatch(/^Téléchargement incomplet : la connexion a été coupée après [\d,]+ ko\. \(2 essais\)$/);
  });

  it('refuses a body larger than the size bound: announced, streamed, or once decoded', async () => {
    const before = requestsTo('/big');
    const announced = await failure('/big', { limits: { maxBytes: 1_000_000 } });
    expect(announced.message).toBe('Fichier trop gros : 10 Mo annoncés, la limite est 1 Mo (--max-size).');
    expect(requestsTo('/big') - before).toBe(1);

    const streamed = await failure('/big-chunked', { limits: { maxBytes: 1_000_000 } });
    expect(streamed.message).toBe('Fichier trop gros : plus de 1 Mo reçus, la limite est 1 Mo (--max-size).');

    const bomb = await failure('/gzip-bomb', { limits: { maxBytes: 1_000_000 } });
    expect(bomb.message).toMatch(/^Fichier trop gros/);
  });

  it('stops when the operator interrupts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure('/slow/finess-esat.csv', { signal: controller.signal });
    expect(error.message).toBe('Téléchargement interrompu à la demande de l’opérateur.');
  });
});

describe('displayUrl and suggestedName', () => {
  it('masks credentials and token-like parameters, and nothing else', () => {
    expect(displayUrl('https://user:pass@api.example.org/api/siae/?token=abc&page=2&api_key=x')).toBe(
      'https://api.example.org/api/siae/?token=***&page=2&api_key=***',
    );
    expect(displayUrl('https://www.data.gouv.fr/fr/datasets/r/5a7b?format=csv')).toBe('https://www.data.gouv.fr/fr/datasets/r/5a7b?format=csv');
  });

  it('reads Content-Disposition file names', () => {
    expect(suggestedName('attachment; filename="structures-inclusion-2025.csv"')).toBe('structures-inclusion-2025.csv');
    expect(suggestedName("attachment; filename*=UTF-8''%C3%A9tablissements.csv; filename=\"x.csv\"")).toBe('établissements.csv');
    expect(suggestedName('inline')).toBeNull();
    expect(suggestedName(undefined)).toBeNull();
  });
});
