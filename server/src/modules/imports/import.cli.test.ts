import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { generateDataInclusionCsv, readerFor } from './formats/index.js';
import { ImportRunStatus } from './import-run.entity.js';
import { loadReport } from './import-report.js';
import { runImport } from './import-run.js';
import { SERVER_ROOT, startCli } from './import-cli.test-support.js';

/**
 * `pnpm run import` from outside: the CLI in a child process, on the readers' data·inclusion
 * fixture, and on a generated file killed (SIGKILL) in the middle of a run.
 */

const FIXTURE = path.join(SERVER_ROOT, 'src/modules/imports/fixtures/data-inclusion-structures.csv');

/** What a directory holds after imports, comparable between two databases. */
async function directoryContents(db: DataSource): Promise<string[]> {
  const rows = await db.query(
    `SELECT r.source_id, r.present, r.is_primary, s.siret, s.legal_name, s.kind, s.commune_code, s.latitude, s.longitude,
            s.position_source, s.email, s.published, ss.published AS search_published, ss.departement_code
     FROM supplier_source_record r
     JOIN supplier s ON s.id = r.supplier_id
     JOIN supplier_search ss ON ss.supplier_id = s.id
     ORDER BY r.source_id`,
  );
  return rows.map((row: Record<string, unknown>) => JSON.stringify(row));
}

let first: TestDatabase;
let killed: TestDatabase;
let reference: TestDatabase;
let directory: string;

beforeAll(async () => {
  [first, killed, reference] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  directory = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-import-cli-'));
});

afterAll(async () => {
  await Promise.all([first.drop(), killed.drop(), reference.drop()]);
  await rm(directory, { recursive: true, force: true });
});

describe('pnpm run import', () => {
  it('imports the data·inclusion CSV fixture, reports bad rows by line, and a second run changes nothing', async () => {
    const { code, stdout } = await startCli(first.url, [FIXTURE]).done;
    expect(code).toBe(0);
    expect(stdout).toContain('Import terminé');
    expect(stdout).toContain('ligne 11 : SIRET invalide : 13 chiffres au lieu de 14');

    const [run] = await first.db.query(`SELECT id FROM import_run ORDER BY id DESC LIMIT 1`);
    const report = await loadReport(first.db, run.id);
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, format: 'data-inclusion-csv', created: 4, skipped: 2, rejected: 5 });
    expect(report.rejections.map((rejection) => rejection.line)).toEqual([6, 9, 10, 11, 12]);
    const suppliers = await first.db.query(
      `SELECT s.legal_name, s.kind, s.commune_code, s.position_source FROM supplier s ORDER BY s.legal_name`,
    );
    expect(suppliers).toEqual([
      { legal_name: 'Chantier Belleville, espaces verts', kind: 'ACI', commune_code: '75111', position_source: 'ADDRESS' },
      { legal_name: 'Coopérative Indépendants 35', kind: 'EITI', commune_code: '35238', position_source: 'ADDRESS' },
      { legal_name: 'Entreprise adaptée de l’Ain', kind: 'EA', commune_code: '01053', position_source: 'COMMUNE_CENTRE' },
      { legal_name: 'Les Ateliers du Rhône', kind: 'EI', commune_code: '69383', position_source: 'ADDRESS' },
    ]);

    // What the real reader gives is stable: nothing to write the second time.
    const again = await runImport(first.db, readerFor('data-inclusion-csv').read(FIXTURE, {}), {
      source: SupplierSource.DATA_INCLUSION,
      format: 'data-inclusion-csv',
      file: FIXTURE,
      partial: false,
      dryRun: false,
    });
    expect(again).toMatchObject({ status: ImportRunStatus.COMPLETED, created: 0, updated: 0, unchanged: 4, unpublished: 0 });
  });

  it('killed in the middle of a run, keeps exactly the batches it committed, and a re-run ends as one clean run', async () => {
    const file = path.join(directory, 'structures.csv');
    const communes = await reference.db.query(
      `SELECT code, name, postal_codes[1] AS "postalCode", latitude, longitude FROM commune
       WHERE departement_code IN ('57', '54', '67') AND kind = 'COMMUNE' ORDER BY code`,
    );
    await generateDataInclusionCsv({ path: file, rows: 6_000, communes, seed: 7, outOfScopeShare: 0.05 });
    const batchSize = 200;

    // The reference: the whole file in one run.
    const clean = await runImport(reference.db, readerFor('data-inclusion-csv').read(file, {}), {
      source: SupplierSource.DATA_INCLUSION,
      format: 'data-inclusion-csv',
      file,
      partial: false,
      dryRun: false,
      batchSize,
    });
    expect(clean).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 6_000 });

    const { db } = killed;
    const run = startCli(killed.url, [file, '--batch-size', String(batchSize)]);
    // Wait for the first committed batch, then kill the process without warning.
    let runId: number | null = null;
    for (let attempt = 0; attempt < 1_500 && runId === null; attempt++) {
      const [row] = await db.query(`SELECT id FROM import_run WHERE created > 0`);
      if (row) runId = row.id;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(runId).not.toBeNull();
    // The server side of the dead connections ends (rolling back what was not committed).
    for (let attempt = 0; attempt < 500; attempt++) {
      const [{ busy }] = await db.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      if (busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Exactly what the committed batches say: no batch half-written, the report in step.
    const interrupted = await loadReport(db, runId!);
    expect(interrupted.status).toBe(ImportRunStatus.RUNNING);
    expect(interrupted.rowsRead).toBeGreaterThan(0);
    expect(interrupted.rowsRead).toBeLessThan(clean.rowsRead);
    expect(interrupted.rowsRead).toBe(
      interrupted.created + interrupted.updated + interrupted.unchanged + interrupted.merged + interrupted.republished +
        interrupted.rejected + interrupted.skipped + interrupted.duplicates,
    );
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM supplier) AS suppliers,
              (SELECT count(*)::int FROM supplier_search) AS projected,
              (SELECT count(*)::int FROM supplier_source_record) AS records,
              (SELECT count(*)::int FROM import_rejection) AS rejections`,
    );
    expect(counts).toEqual({
      suppliers: interrupted.created,
      projected: interrupted.created,
      records: interrupted.created + interrupted.merged,
      rejections: interrupted.rejected,
    });

    // Run again: the committed rows are unchanged, the rest goes in, the dead run is closed.
    const { code, stdout } = await startCli(killed.url, [file, '--batch-size', String(batchSize)]).done;
    expect(code).toBe(0);
    expect(stdout).toContain('Import terminé');
    expect(await loadReport(db, runId!)).toMatchObject({ status: ImportRunStatus.FAILED, error: expect.stringMatching(/Interrompu/) });
    const [last] = await db.query(`SELECT max(id) AS id FROM import_run`);
    const resumed = await loadReport(db, last.id);
    expect(resumed).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: clean.rowsRead, rejected: clean.rejected, skipped: clean.skipped });
    expect(resumed.unchanged).toBe(interrupted.created + interrupted.merged);
    expect(resumed.created + interrupted.created).toBe(clean.created);
    expect(await directoryContents(db)).toEqual(await directoryContents(reference.db));
  }, 120_000);

  it('imports a Windows-1252 CSV with its accents, and refuses replacement characters unless told to import them', async () => {
    const encoded = await createTestDatabase();
    try {
      const text = await readFile(FIXTURE, 'utf8');
      const windows1252 = path.join(directory, 'structures-1252.csv');
      await writeFile(windows1252, iconv.encode(text, 'windows-1252'));
      const imported = await startCli(encoded.url, [windows1252]).done;
      expect(imported.code).toBe(0);
      const names = async () =>
        (await encoded.db.query(`SELECT legal_name FROM supplier ORDER BY legal_name`)).map((row: { legal_name: string }) => row.legal_name);
      expect(await names()).toEqual([
        'Chantier Belleville, espaces verts',
        'Coopérative Indépendants 35',
        'Entreprise adaptée de l’Ain',
        'Les Ateliers du Rhône',
      ]);

      // Accents lost upstream: the UTF-8 file holds U+FFFD on line 2.
      const replaced = path.join(directory, 'structures-replaced.csv');
      await writeFile(replaced, text.replace('Les Ateliers du Rhône', 'Les Ateliers du Rh\ufffdne'), 'utf8');
      const refused = await startCli(encoded.url, [replaced]).done;
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('Import en échec');
      expect(refused.stdout).toMatch(/Fichier refusé : 1 caractère de remplacement « \ufffd » .*ligne 2 \(fichier lu en UTF-8\).*--accept-replacement-characters/);
      expect(await names()).toContain('Les Ateliers du Rhône');

      const accepted = await startCli(encoded.url, [replaced, '--accept-replacement-characters']).done;
      expect(accepted.code).toBe(0);
      expect(accepted.stderr).toMatch(/Attention : Importé avec 1 caractère de remplacement .*ligne 2 /);
      expect(await names()).toContain('Les Ateliers du Rh\ufffdne');
    } finally {
      await encoded.drop();
    }
  }, 120_000);
});
