import 'reflect-metadata';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { DataSource } from 'typeorm';
import { openBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { loadConfig } from '../core/config/config.js';
import { generateDataInclusionCsv, readerFor } from '../modules/imports/formats/index.js';
import type { ImportReport } from '../modules/imports/import-report.js';
import { runImport } from '../modules/imports/import-run.js';
import { SupplierSource } from '../modules/suppliers/supplier-source.js';

/**
 * `pnpm bench` (import part): generates a data·inclusion CSV of IMPORT_BENCH_ROWS rows
 * (100 000 by default), imports it into an empty database, imports it again (nothing to
 * write), then imports a version where a tenth of the rows changed and a hundredth are
 * gone. Then files of as many rows where SIRETs repeat — rows/100 SIRETs × 100 rows, and
 * one SIRET for every row — each into an emptied directory, next to the first import's
 * rate (they should not be slower: duplicates are decided without being held back).
 * Prints rows per second for each run (target: 5 000 rows/s for the first import).
 * Figures only: nothing here passes or fails.
 */

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const TARGET_ROWS_PER_SECOND = 5_000;

async function importFile(db: DataSource, file: string): Promise<ImportReport> {
  const reader = readerFor('data-inclusion-csv');
  let last = 0;
  const report = await runImport(db, reader.read(file, {}), {
    source: SupplierSource.DATA_INCLUSION,
    format: 'data-inclusion-csv',
    file,
    partial: false,
    dryRun: false,
    ...(process.env.IMPORT_BENCH_CONCURRENCY ? { concurrency: Number(process.env.IMPORT_BENCH_CONCURRENCY) } : {}),
    ...(process.env.IMPORT_BENCH_BATCH ? { batchSize: Number(process.env.IMPORT_BENCH_BATCH) } : {}),
    onProgress: ({ counts }) => {
      if (counts.rowsRead - last >= 10_000) {
        last = counts.rowsRead;
        if (process.stdout.isTTY) process.stdout.write(`\r  ${counts.rowsRead} rows`);
      }
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\r'.padEnd(20) + '\r');
  if (report.status !== 'COMPLETED') throw new Error(`import failed: ${report.error}`);
  return report;
}

function line(label: string, report: ImportReport, seconds: number): string {
  const rate = Math.round(report.rowsRead / seconds);
  return (
    `${label.padEnd(34)} ${String(report.rowsRead).padStart(7)} rows ${seconds.toFixed(1).padStart(6)} s ` +
    `${String(rate).padStart(6)} rows/s | created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
    `merged ${report.merged}, duplicates ${report.duplicates}, unpublished ${report.unpublished}, rejected ${report.rejected}, ` +
    `skipped ${report.skipped}`
  );
}

async function timed(db: DataSource, label: string, file: string): Promise<ImportReport> {
  const started = performance.now();
  const report = await importFile(db, file);
  const seconds = (performance.now() - started) / 1000;
  console.log(line(label, report, seconds));
  return report;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { adminUrl, stop } = await startBenchPostgres(config);
  const db = await openBenchDatabase(adminUrl, 'achat_inclusif_bench_import', config, { fresh: true, poolSize: 4 });
  const directory = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-import-bench-'));
  try {
    const communes = await db.query(
      `SELECT c.code, c.name, c.postal_codes[1] AS "postalCode", c.latitude, c.longitude
       FROM commune c WHERE NOT EXISTS (SELECT 1 FROM commune a WHERE a.parent_code = c.code) ORDER BY c.code`,
    );
    const first = path.join(directory, 'structures.csv');
    const started = performance.now();
    await generateDataInclusionCsv({ path: first, rows: ROWS, communes, seed: 2026, outOfScopeShare: 0.05 });
    const size = (await stat(first)).size;
    console.log(
      `\n=== Import: data·inclusion CSV, ${ROWS.toLocaleString('en')} rows (${(size / 1e6).toFixed(1)} MB, generated in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s); node ${process.version} ===`,
    );

    const initial = await timed(db, 'first import (empty directory)', first);
    await timed(db, 'same file again (nothing to write)', first);
    // A newer file: other descriptions for a tenth of the structures (another seed changes
    // everything, so rewrite the same file with a different seed only for its text).
    const newer = path.join(directory, 'structures-newer.csv');
    await generateNewerFile(first, newer);
    await timed(db, 'newer file (10 % changed, 1 % gone)', newer);

    const rate = initial.rowsRead / (initial.durationMs / 1000);
    console.log(`target: first import ≥ ${TARGET_ROWS_PER_SECOND} rows/s — ${rate >= TARGET_ROWS_PER_SECOND ? 'met' : 'NOT met'} (${Math.round(rate)} rows/s)`);
    const [{ suppliers }] = await db.query('SELECT count(*)::int AS suppliers FROM supplier WHERE published');
    console.log(`published suppliers: ${suppliers}; memory: rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

    // Files where many rows share a SIRET, each into an empty directory like the first import.
    for (const { label, pool } of [
      { label: `${Math.max(1, Math.round(ROWS / 100)).toLocaleString('en')} SIRETs × 100 rows`, pool: Math.max(1, Math.round(ROWS / 100)) },
      { label: `one SIRET × ${ROWS.toLocaleString('en')} rows`, pool: 1 },
    ]) {
      const file = path.join(directory, `structures-${pool}-sirets.csv`);
      await generateDataInclusionCsv({ path: file, rows: ROWS, communes, seed: 2026, outOfScopeShare: 0.05, siretPool: pool });
      await db.query('TRUNCATE supplier CASCADE');
      const report = await timed(db, `${label} (empty directory)`, file);
      console.log(
        `  vs clean first import: ${((report.rowsRead / report.durationMs) / (initial.rowsRead / initial.durationMs)).toFixed(2)}× ` +
          `the rows/s; memory: rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
      );
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
    await db.destroy();
    await stop();
  }
}

/** The same CSV with every tenth data line's description changed and every hundredth line dropped. */
async function generateNewerFile(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  let index = 0;
  // Generated descriptions hold no line break except in quoted fields; lines are data rows
  // only when they start with a producer id, which is all we touch.
  for await (const text of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    let output = text;
    if (/^[a-z-]+--[0-9a-f]{8},/.test(text)) {
      index += 1;
      if (index % 100 === 0) continue;
      if (index % 10 === 0) output = text.replace(' propose des prestations de ', ' propose désormais des prestations de ');
    }
    if (!out.write(`${output}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
