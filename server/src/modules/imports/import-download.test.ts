import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectResults } from './formats/collect-results.js';
import { detectFormat, readerFor } from './formats/index.js';
import { DownloadError, type DownloadedFile } from './download.js';
import { downloadProgressLine } from './download-progress.js';
import { formatBytes, formatDuration, parseByteSize, parseDuration } from './download-units.js';
import { downloadForImport, fileNameOf, fileStamp, type ImportDownloadOptions, type ImportDownloadProgress } from './import-download.js';
import { startFixtureServer, TEST_TOKEN, type FixtureServer } from './fixture-server.test-support.js';
import { fixturePath } from './test-records.js';

/**
 * downloadForImport against a local HTTP server (fixture-server.test-support.ts): what is kept in the
 * downloads folder, what is refused (and leaves nothing), paged APIs assembled into a file
 * the readers read as they read the pages.
 */

const NOW = new Date(2025, 11, 7, 18, 0, 5);
const STAMP = '2025-12-07-180005';

let server: FixtureServer;
let root: string;
let directory: string;
let run = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  root = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-import-download-'));
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  directory = path.join(root, `downloads-${++run}`);
});

function options(extra: Partial<ImportDownloadOptions> = {}): ImportDownloadOptions {
  return { directory, now: NOW, retryDelayMs: 5, ...extra, limits: { idleTimeoutMs: 2_000, timeoutMs: 10_000, ...extra.limits } };
}

/** The files in the downloads folder, partial ones included. */
async function filesLeft(): Promise<string[]> {
  const kept = (await readdir(directory)).filter((name) => name !== '.partial');
  const partial = await readdir(path.join(directory, '.partial')).catch(() => []);
  return [...kept, ...partial.map((name) => `.partial/${name}`)].sort();
}

async function refused(urlPath: string, extra: Partial<ImportDownloadOptions> = {}): Promise<string> {
  const error = await downloadForImport(server.url(urlPath), options(extra)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DownloadError);
  expect(await filesLeft()).toEqual([]);
  return (error as Error).message;
}

describe('downloadForImport', () => {
  it('keeps the file under its date and name once complete and accepted, and nothing partial', async () => {
    const accepted: string[] = [];
    const progress: ImportDownloadProgress[] = [];
    const downloaded = await downloadForImport(
      server.url('/redirect/1/gz/data-inclusion-structures.csv.gz?token=secret'),
      options({ accept: async (file) => void accepted.push(file), onProgress: (update) => progress.push(update) }),
    );
    const file = path.join(directory, `${STAMP}-data-inclusion-structures.csv`);
    expect(downloaded).toEqual({
      file,
      url: server.url('/redirect/1/gz/data-inclusion-structures.csv.gz?token=***'),
      bytes: (await readFile(fixturePath('data-inclusion-structures.csv'))).length,
      pages: null,
    });
    expect(await readFile(file, 'utf8')).toBe(await readFile(fixturePath('data-inclusion-structures.csv'), 'utf8'));
    expect(accepted).toEqual([path.join(directory, '.partial', `${STAMP}-data-inclusion-structures.csv`)]);
    expect(await filesLeft()).toEqual([`${STAMP}-data-inclusion-structures.csv`]);
    expect(progress.at(-1)).toMatchObject({ page: null });
    expect(progress.at(-1)!.total).toBeGreaterThan(0);

    // The same file again in the same second does not overwrite the first.
    const again = await downloadForImport(server.url('/plain/data-inclusion-structures.csv'), options());
    expect(again.file).toBe(path.join(directory, `${STAMP}-data-inclusion-structures-2.csv`));
  });

  it('refuses an HTML page served as a success (login page), keeping nothing', async () => {
    expect(await refused('/login')).toMatch(/^Le serveur a renvoyé une page web \(« Connexion »\) au lieu d’un fichier de données/);
  });

  it('refuses an empty answer, a cut download and a file the last check refuses, keeping nothing', async () => {
    expect(await refused('/empty')).toBe('La réponse est vide : aucune donnée à importer.');
    expect(await refused('/cut-length/finess-esat.csv', { limits: { retries: 0 } })).toMatch(/^Téléchargement incomplet/);
    expect(await refused('/missing')).toMatch(/^Adresse introuvable/);
    const notData = await downloadForImport(server.url('/plain/generic-structures.csv'), options({
      accept: async () => {
        throw new DownloadError('Format non reconnu.');
      },
    })).catch((error: Error) => error.message);
    expect(notData).toBe('Format non reconnu.');
    expect(await filesLeft()).toEqual([]);
  });

  it('follows the pages of le marché’s API with the token, into a file read as the pages are', async () => {
    const before = server.requests.length;
    const logs: string[] = [];
    const progress: ImportDownloadProgress[] = [];
    const downloaded = await downloadForImport(
      server.url('/api/siae/?page_size=3'),
      options({ headers: { Authorization: TEST_TOKEN }, log: (message) => logs.push(message), onProgress: (update) => progress.push(update) }),
    );
    expect(downloaded).toMatchObject({ file: path.join(directory, `${STAMP}-127.0.0.1-api-siae.json`), pages: 3 });
    expect(logs).toEqual(['3 pages lues, 7 structures.']);
    expect(progress.map((update) => update.page)).toEqual(expect.arrayContaining([null, 2, 3]));

    const requests = server.requests.slice(before);
    expect(requests.map((request) => request.path)).toEqual(['/api/siae/?page_size=3', '/api/siae/?page_size=3&page=2', '/api/siae/?page_size=3&page=3']);
    expect(requests.every((request) => request.headers.authorization === TEST_TOKEN)).toBe(true);

    const fixture = JSON.parse(await readFile(fixturePath('marche-inclusion-siae.json'), 'utf8')) as { results: unknown[] };
    expect(JSON.parse(await readFile(downloaded.file, 'utf8'))).toEqual(fixture.results);
    expect(await detectFormat(downloaded.file)).toBe('marche-inclusion');
    const reader = readerFor('marche-inclusion');
    expect(await collectResults(reader.read(downloaded.file, {}))).toEqual(await collectResults(reader.read(fixturePath('marche-inclusion-siae.json'), {})));
  });

  it('follows relative next links (les emplois), and warns when the API’s count differs from what came', async () => {
    const downloaded = await downloadForImport(server.url('/api/v1/siaes/?page_size=4'), options());
    expect(downloaded.pages).toBe(2);
    const reader = readerFor('emplois-inclusion');
    expect(await collectResults(reader.read(downloaded.file, {}))).toEqual(
      await collectResults(reader.read(fixturePath('emplois-inclusion-siaes.json'), {})),
    );

    const logs: string[] = [];
    const shrunk = await downloadForImport(server.url('/api/shrinking/'), options({ log: (message) => logs.push(message) }));
    expect(JSON.parse(await readFile(shrunk.file, 'utf8'))).toEqual([{ id: 1 }, { id: 2 }]);
    expect(logs).toEqual([
      '2 pages lues, 2 structures.',
      'Attention : l’API annonçait 5 structures et en a donné 2 (liste modifiée pendant le téléchargement ?).',
    ]);
  });

  it('refuses a paged download whose later page is not a page (an HTML page), keeping nothing', async () => {
    expect(await refused('/api/broken/')).toMatch(/^La page 2 \(.*\/api\/broken\/\?page=2\) n’est pas une page de l’API/);
  });

  it('without the token, says the API refused and why', async () => {
    expect(await refused('/api/siae/')).toMatch(/^Accès refusé \(HTTP 401 Unauthorized\)\. Le serveur dit : « Informations d’authentification non fournies\. »/);
  });

  it('stops on a pagination loop, too many pages, or a next link to another host with a token', async () => {
    expect(await refused('/api/loop/')).toMatch(/^La page 1 renvoie à une page déjà lue .*pagination en boucle\.$/);
    expect(await refused('/api/v1/siaes/?page_size=1', { maxPages: 3 })).toBe('Plus de 3 pages : téléchargement arrêté.');
    expect(await refused('/api/elsewhere/', { headers: { Authorization: TEST_TOKEN } })).toMatch(
      /^La page 1 renvoie vers un autre site \(localhost:\d+\) : suite refusée/,
    );
  });

  it('counts every page against the size bound (each page is under it, all of them are not)', async () => {
    expect(await refused('/api/v1/siaes/?page_size=2', { limits: { maxBytes: 2_500 } })).toMatch(/^Fichier trop gros : 2,[5-9] ko avec les pages précédentes, la limite est 2,5 ko/);
  });
});

describe('fileNameOf and fileStamp', () => {
  const downloaded = (url: string, extra: Partial<DownloadedFile> = {}): DownloadedFile => ({
    url,
    bytes: 1,
    received: 1,
    contentType: null,
    suggestedName: null,
    gunzipped: false,
    ...extra,
  });

  it('names a file after the server’s suggestion, else the URL, with an extension the readers know', () => {
    expect(fileNameOf(downloaded('https://static.example.org/r/123', { suggestedName: 'Structures inclusion (2025).csv' }), false)).toBe(
      'Structures-inclusion-2025-.csv',
    );
    expect(fileNameOf(downloaded('https://static.example.org/resources/etalab-cs1100507-stock.csv'), false)).toBe('etalab-cs1100507-stock.csv');
    expect(fileNameOf(downloaded('https://www.example.org/fr/datasets/r/5a7b', { contentType: 'text/csv; charset=utf-8' }), false)).toBe('5a7b.csv');
    expect(fileNameOf(downloaded('https://example.org/export', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), false)).toBe(
      'export.xlsx',
    );
    expect(fileNameOf(downloaded('https://example.org/structures.csv.gz', { gunzipped: true }), false)).toBe('structures.csv');
    expect(fileNameOf(downloaded('https://lemarche.example.org/api/siae/?page=1'), true)).toBe('lemarche.example.org-api-siae.json');
    expect(fileNameOf(downloaded('https://example.org/'), false)).toBe('example.org');
  });

  it('stamps with the local date and time', () => {
    expect(fileStamp(NOW)).toBe(STAMP);
  });
});

describe('download progress and units', () => {
  it('rewrites one line in place on a terminal, and ends it', () => {
    const written: string[] = [];
    const line = downloadProgressLine({ isTTY: true, write: (text) => written.push(text) }, { prefix: '[import] ', redrawIntervalMs: 0 });
    line.update({ bytes: 1_500_000, total: 3_000_000, page: null });
    line.clear();
    line.update({ bytes: 3_000_000, total: 3_000_000, page: null });
    line.done();
    expect(written[0]).toMatch(/^\r\x1b\[2K\[import\] Téléchargement : 1,5 Mo sur 3 Mo \(50 %\)/);
    expect(written[1]).toBe('\r\x1b[2K');
    expect(written.at(-1)).toBe('\n');
    expect(written.filter((text) => text.includes('3 Mo sur 3 Mo (100 %)')).length).toBeGreaterThan(0);
  });

  it('prints whole lines, now and then, elsewhere', () => {
    const written: string[] = [];
    const line = downloadProgressLine({ isTTY: false, write: (text) => written.push(text) }, { logIntervalMs: 0 });
    line.update({ bytes: 2_048, total: null, page: 3 });
    line.done();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^Téléchargement : page 3, 2 ko(, .+\/s)?\n$/);
  });

  it('reads and writes sizes and durations as operators do', () => {
    expect([parseByteSize('500M'), parseByteSize('2Go'), parseByteSize('1,5 k'), parseByteSize('12'), parseByteSize('3 To')]).toEqual([
      500e6,
      2e9,
      1_500,
      12,
      null,
    ]);
    expect([parseDuration('90'), parseDuration('90s'), parseDuration('30m'), parseDuration('1h'), parseDuration('250ms'), parseDuration('soon')]).toEqual([
      90_000,
      90_000,
      1_800_000,
      3_600_000,
      250,
      null,
    ]);
    expect([formatBytes(850), formatBytes(12_345), formatBytes(1_234_567), formatBytes(1e9)]).toEqual(['850 o', '12 ko', '1,2 Mo', '1 Go']);
    expect([formatDuration(250), formatDuration(12_000), formatDuration(125_000), formatDuration(1_800_000), formatDuration(3_600_000)]).toEqual([
      '250 ms',
      '12 s',
      '2 min 5 s',
      '30 min',
      '1 h',
    ]);
  });
});
