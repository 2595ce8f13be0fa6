import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { ImportRunStatus } from './import-run.entity.js';
import { loadReport } from './import-report.js';
import { startCli } from './import-cli.test-support.js';
import { startFixtureServer, TEST_TOKEN, type FixtureServer } from './fixture-server.test-support.js';
import { fixturePath } from './test-records.js';

/**
 * `pnpm run import <url>` end to end: the CLI in a child process downloads from a local
 * HTTP server (fixture-server.test-support.ts) into its downloads folder
 * (IMPORT_DOWNLOADS_DIR) and imports into a real test database; a refused download writes
 * nothing anywhere.
 */

let server: FixtureServer;
let root: string;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  root = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-import-url-'));
});

afterAll(async () => {
  await server.close();
  await Promise.all(databases.map((database) => database.drop()));
  await rm(root, { recursive: true, force: true });
});

/** A database and a downloads folder of its own, and the CLI run on them. */
async function runCli(name: string, args: string[]) {
  const database = await createTestDatabase();
  databases.push(database);
  const downloads = path.join(root, name);
  const result = await startCli(database.url, args, { IMPORT_DOWNLOADS_DIR: downloads }).done;
  const files = await readdir(downloads).catch(() => [] as string[]);
  const partial = await readdir(path.join(downloads, '.partial')).catch(() => [] as string[]);
  const [{ runs }] = await database.db.query(`SELECT count(*)::int AS runs FROM import_run`);
  return { ...result, db: database.db, downloads, kept: files.filter((file) => file !== '.partial'), partial, runs: runs as number };
}

describe.concurrent('pnpm run import <url>', { timeout: 60_000 }, () => {
  it('downloads (redirected, gzip-encoded) and imports the data·inclusion CSV; the report names the URL and the kept file', async () => {
    const url = server.url('/redirect/1/gzip/data-inclusion-structures.csv');
    const { code, stdout, stderr, db, downloads, kept } = await runCli('data-inclusion', [url]);
    expect(code, stderr).toBe(0);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^\d{4}-\d\d-\d\d-\d{6}-data-inclusion-structures\.csv$/);
    const file = path.join(downloads, kept[0]!);
    expect(await readFile(file, 'utf8')).toBe(await readFile(fixturePath('data-inclusion-structures.csv'), 'utf8'));
    expect(stderr).toContain(`Téléchargement de ${url}`);
    expect(stderr).toMatch(/Téléchargé : .*data-inclusion-structures\.csv \(3,4 ko, en \d+ ms\)/);
    expect(stdout).toContain('Import terminé');
    expect(stdout).toContain(`  téléchargé depuis : ${url}\n  fichier : ${file}\n`);

    const [run] = await db.query(`SELECT id, file, source_url FROM import_run`);
    expect(run).toMatchObject({ file, source_url: url });
    // The same outcome as the local file (import.cli.test.ts).
    expect(await loadReport(db, run.id)).toMatchObject({ status: ImportRunStatus.COMPLETED, url, created: 4, skipped: 2, rejected: 5 });
  });

  it('follows the pages of an API that needs a token (--header), and imports them as one file', async () => {
    const url = server.url('/api/siae/?page_size=3');
    const { code, stdout, stderr, db, kept } = await runCli('marche', [url, '--header', `Authorization: ${TEST_TOKEN}`, '--retries', '1', '--timeout', '1m']);
    expect(code, stderr).toBe(0);
    expect(kept).toEqual([expect.stringMatching(/-127\.0\.0\.1-api-siae\.json$/)]);
    expect(stderr).toContain('3 pages lues, 7 structures.');
    expect(stderr).toContain('Format : marche-inclusion (détecté)');
    expect(stdout).toContain(`téléchargé depuis : ${url}`);
    const [run] = await db.query(`SELECT id FROM import_run`);
    // The fixture's outcome: 3 records, 2 skipped (SEP, inactive), 2 rejected (kind, name).
    expect(await loadReport(db, run.id)).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 7, skipped: 2, created: 3, rejected: 2 });
  });

  it('refuses an HTML page served instead of the file: a French message, exit 1, nothing downloaded nor imported', async () => {
    const { code, stdout, stderr, kept, partial, runs } = await runCli('login', [server.url('/login')]);
    expect(code).toBe(1);
    expect(stderr).toContain('Téléchargement impossible : Le serveur a renvoyé une page web (« Connexion ») au lieu d’un fichier de données');
    expect(stderr).toContain('Rien n\'a été gardé ni importé.');
    expect(stdout).toBe('');
    expect([kept, partial, runs]).toEqual([[], [], 0]);
  });
});
