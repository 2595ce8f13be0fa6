import { performance } from 'node:perf_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import type { SupplierSource } from '../suppliers/supplier-source.js';
import { PositionSource } from '../suppliers/supplier.entity.js';
import { ImportRunStatus } from './import-run.entity.js';
import {
  createRun,
  emptyCounts,
  failAbandonedRuns,
  finishRun,
  ReportDelta,
  saveDelta,
  type ImportCounts,
  type ImportReport,
  type ImportRunInfo,
} from './import-report.js';
import { checkRecord, type CheckedRecord } from './record-checks.js';
import type { ReadResult } from './source-record.js';
import { contentHash, decide, lookupBatch, nameMatchPossible, supplierValuesOf, type LookupRow } from './supplier-matching.js';
import {
  insertSuppliers,
  syncImportedCategories,
  updateSuppliers,
  upsertSourceRecords,
  type SupplierCreate,
  type SupplierUpdate,
} from './supplier-writes.js';

/**
 * The import engine: streams the results of a format reader, checks and matches records
 * batch by batch, writes each batch in its own transaction (with its share of the report),
 * then unpublishes what a full file no longer has. Rules in README.md.
 */

export const DEFAULT_BATCH_SIZE = 2_000;

/** Batches written at once (one transaction and one database connection each). */
export const DEFAULT_CONCURRENCY = 2;

/** Session advisory lock key: one import at a time on a database. */
const IMPORT_LOCK = 'achat-inclusif:import';

/**
 * A full file without most of what its source had is more likely truncated or broken than
 * the end of half the directory: beyond this share of absent records (and
 * MASS_UNPUBLISH_MIN of them), nothing is unpublished unless the operator confirms.
 */
const MASS_UNPUBLISH_SHARE = 0.5;
const MASS_UNPUBLISH_MIN = 20;

/** Refresh the statistics of what searches read after writing at least this many suppliers (autovacuum does the rest). */
const ANALYZE_AFTER_WRITES = 2_000;

export interface ImportProgress {
  /** Rows the reader has given so far. */
  read: number;
  /** Rows committed (or, in a dry run, processed). */
  counts: ImportCounts;
}

export interface ImportOptions extends ImportRunInfo {
  batchSize?: number;
  /** Batches written at once (a dry run writes one at a time, in its single transaction). */
  concurrency?: number;
  /** Aborting stops the run after the batch in progress (status FAILED, committed batches kept). */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Unpublish the absent records even when they are most of the source (see MASS_UNPUBLISH_SHARE). */
  forceUnpublish?: boolean;
}

export class ImportError extends Error {}

class ImportAborted extends Error {
  constructor() {
    super('Interrompu à la demande de l\'opérateur (les lots validés sont restés en base)');
  }
}

interface Context {
  db: DataSource;
  runId: number;
  source: SupplierSource;
  categoryIds: Map<string, number>;
  /**
   * Some supplier could take a record of this source by name (one without a record of
   * it). Read once: the run itself only adds suppliers that have one.
   */
  matchNames: boolean;
  /** The dry run's single transaction (rolled back at the end); null for a real run. */
  dryRun: QueryRunner | null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one import. Throws ImportError when it cannot start (another import holds the
 * lock); otherwise returns the report, COMPLETED or FAILED, also stored in import_run.
 */
export async function runImport(db: DataSource, results: AsyncIterable<ReadResult>, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [IMPORT_LOCK]);
    if (!locked) throw new ImportError('Un autre import est en cours sur cette base : attendez sa fin, puis relancez.');
    try {
      await failAbandonedRuns(db);
      const runId = await createRun(db, options);
      return await run(db, runId, results, options, started);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [IMPORT_LOCK]);
    }
  } finally {
    await lock.release();
  }
}

async function run(
  db: DataSource,
  runId: number,
  results: AsyncIterable<ReadResult>,
  options: ImportOptions,
  started: number,
): Promise<ImportReport> {
  const report: ImportReport = {
    source: options.source,
    format: options.format,
    file: options.file,
    url: options.url ?? null,
    partial: options.partial,
    dryRun: options.dryRun,
    ...emptyCounts(),
    runId,
    status: ImportRunStatus.RUNNING,
    durationMs: 0,
    error: null,
    rejections: [],
    skippedReasons: {},
    duplicateRows: [],
    warningRows: [],
    unmappedActivities: {},
  };
  const categoryRows = await db.query<{ id: number; slug: string }[]>('SELECT id, slug FROM category');
  let dryRun: QueryRunner | null = null;
  if (options.dryRun) {
    dryRun = db.createQueryRunner();
    await dryRun.connect();
    await dryRun.startTransaction();
  }
  const context: Context = {
    db,
    runId,
    source: options.source,
    categoryIds: new Map(categoryRows.map((row) => [row.slug, row.id])),
    matchNames: await nameMatchPossible(db, options.source),
    dryRun,
  };
  let written = 0;
  try {
    const seen = await processFile(context, results, options, report, (count) => (written += count));
    if (!options.partial) written += await unpublishAbsent(context, seen, report, options.forceUnpublish ?? false);
    if (dryRun) await dryRun.rollbackTransaction();
    report.status = ImportRunStatus.COMPLETED;
  } catch (error) {
    if (dryRun?.isTransactionActive) await dryRun.rollbackTransaction().catch(() => {});
    report.status = ImportRunStatus.FAILED;
    report.error = errorMessage(error);
  } finally {
    await dryRun?.release();
  }
  if (!dryRun && written > 0) {
    // The committed batches, even of a failed run: the typo lexicon learns their words, the
    // planner the new sizes of what searches read.
    try {
      await db.query('SELECT refresh_search_words()');
      if (written >= ANALYZE_AFTER_WRITES) await db.query('ANALYZE supplier_search, supplier_search_document');
    } catch (error) {
      report.error ??= `Mise à jour du lexique de recherche impossible : ${errorMessage(error)}`;
    }
  }
  report.durationMs = performance.now() - started;
  await finishRun(db, runId, report.status, report.durationMs, report.error);
  return report;
}

/** Reads the file and writes it batch by batch; returns the source ids seen. */
async function processFile(
  context: Context,
  results: AsyncIterable<ReadResult>,
  options: ImportOptions,
  report: ImportReport,
  onWritten: (count: number) => void,
): Promise<Set<string>> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const seen = new Map<string, number>();
  let read = 0;
  let batch: CheckedRecord[] = [];
  let delta = new ReportDelta();
  const scheduler = new BatchScheduler(context, context.dryRun ? 1 : (options.concurrency ?? DEFAULT_CONCURRENCY), options.signal, (done) => {
    onWritten(done.written);
    done.delta.addTo(report);
    options.onProgress?.({ read, counts: pickCounts(report) });
  });

  try {
    for await (const result of results) {
      read += 1;
      if ('rejected' in result) {
        delta.reject(result.rejected);
      } else if ('skipped' in result) {
        delta.skip(result.skipped.reason);
      } else {
        const { record } = result;
        const firstLine = seen.get(record.sourceId);
        if (firstLine !== undefined) {
          delta.reject({ line: record.line, reason: `Identifiant déjà lu ligne ${firstLine} (doublon dans le fichier)`, value: record.sourceId });
        } else {
          seen.set(record.sourceId, record.line);
          const outcome = checkRecord(record);
          if ('rejected' in outcome) {
            delta.reject(outcome.rejected);
          } else {
            delta.unmapped(outcome.checked.unmappedActivities);
            batch.push(outcome.checked);
          }
        }
      }
      if (batch.length >= batchSize || delta.counts.rowsRead >= batchSize) {
        await scheduler.dispatch(batch, delta);
        batch = [];
        delta = new ReportDelta();
      }
    }
    await scheduler.dispatch(batch, delta);
    await scheduler.drain();
  } finally {
    // Never leave a batch running behind an error (of the reader, or of another batch).
    await scheduler.settle();
  }
  return new Set(seen.keys());
}

function pickCounts(report: ImportReport): ImportCounts {
  const counts = emptyCounts();
  for (const key of Object.keys(counts) as (keyof ImportCounts)[]) counts[key] = report[key];
  return counts;
}

/** Runs `work` in the batch's transaction: its own, or the dry run's. */
async function inTransaction<T>(context: Context, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  if (context.dryRun) return work(context.dryRun.manager);
  return context.db.transaction((manager) => work(manager));
}

/** Saves a delta: in the batch's transaction, or at once for a dry run (whose writes are rolled back). */
async function saveRunDelta(context: Context, sql: SqlRunner, delta: ReportDelta): Promise<void> {
  await saveDelta(context.dryRun ? context.db : sql, context.runId, delta);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

interface BatchDone {
  delta: ReportDelta;
  written: number;
}

/**
 * Runs batches, up to `concurrency` at a time (each in its own transaction, so the two
 * cores of a small server both work), with the guarantee that every row is decided on
 * the committed writes of the rows before it that it depends on:
 * - rows are decided in file order, batch after batch; one row per SIRET is imported, the
 *   first (later ones are duplicates, counted and listed, never held back): no two rows
 *   in flight write the same SIRET;
 * - a batch's lookup starts only after the previous batch has claimed the suppliers it
 *   writes;
 * - after its lookup, a row that would write a claimed supplier, or whose name matches
 *   one (a merge there changes its candidates), is held back and goes with a later batch
 *   (a rare case: two records of the source on one supplier, or a name merge);
 * - claims are released when their batch's transaction ends.
 */
class BatchScheduler {
  private readonly running = new Set<Promise<void>>();
  /** Suppliers written by the batches whose transaction has not ended yet. */
  private readonly claims = new Set<ReadonlySet<number>>();
  /** SIRET → line of the row imported with it (memory: one entry per distinct SIRET). */
  private readonly siretLines = new Map<string, number>();
  /** Resolved once the last dispatched batch has its transaction (a connection): the next one opens its own after. */
  private lastStarted: Promise<void> = Promise.resolve();
  /** Resolved once the last dispatched batch has decided its rows: the next one looks up after. */
  private lastDecided: Promise<void> = Promise.resolve();
  private carried: CheckedRecord[] = [];
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly context: Context,
    private readonly concurrency: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onDone: (done: BatchDone) => void,
  ) {}

  async dispatch(rows: CheckedRecord[], delta: ReportDelta): Promise<void> {
    while (this.running.size >= this.concurrency) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
    if (this.signal?.aborted) throw new ImportAborted();
    const input = [...this.carried, ...rows];
    this.carried = [];
    if (input.length === 0 && delta.isEmpty()) return;
    const task: Promise<void> = this.writeBatch(input, delta).then(
      (done) => this.onDone(done),
      (error: unknown) => {
        this.failure ??= { error };
      },
    ).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Waits for every batch, including the rows held back, to be written. */
  async drain(): Promise<void> {
    while (true) {
      await Promise.all(this.running);
      if (this.failure) throw this.failure.error;
      if (this.carried.length === 0) return;
      await this.dispatch([], new ReportDelta());
    }
  }

  /** Waits for the batches in flight, whatever happens to them. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  /**
   * One batch, in one transaction: lookup, decisions, writes, search projection and its
   * share of the report.
   */
  private async writeBatch(rows: CheckedRecord[], delta: ReportDelta): Promise<BatchDone> {
    const { context } = this;
    const claimed = new Set<number>();
    // Turns are taken before anything is awaited, so in dispatch order (file order). A batch
    // opens its transaction after the one before it has opened its own (so that batch never
    // waits for a connection this one holds), and decides after it has decided.
    const previousStarted = this.lastStarted;
    const previousDecided = this.lastDecided;
    const started = deferred();
    const decided = deferred();
    this.lastStarted = started.promise;
    this.lastDecided = decided.promise;
    try {
      await previousStarted;
      return await inTransaction(context, async (sql) => {
        started.resolve();
        const creates: SupplierCreate[] = [];
        const updates: SupplierUpdate[] = [];
        try {
          await previousDecided;
          const inFlight = [...this.claims];
          const lookups = rows.length > 0 ? await lookupBatch(sql, context.source, rows, context.matchNames) : [];
          rows.forEach((checked, index) => {
            const write = this.decideRow(checked, lookups[index], delta, claimed, inFlight);
            if (!write) return;
            if ('supplierId' in write) updates.push(write);
            else creates.push(write);
          });
          this.claims.add(claimed);
        } finally {
          decided.resolve();
        }

        const createdIds = await insertSuppliers(sql, context.source, creates);
        await updateSuppliers(sql, context.source, updates);
        await upsertSourceRecords(sql, context.source, context.runId, [
          ...creates.map((write, index) => ({ write, supplierId: createdIds[index], isPrimary: true })),
          ...updates.map((write) => ({ write, supplierId: write.supplierId, isPrimary: write.isPrimary })),
        ]);
        const supplierIds = [...createdIds, ...updates.map((update) => update.supplierId)];
        if (supplierIds.length > 0) {
          // A new supplier without categories has none to sync.
          await syncImportedCategories(sql, [
            ...createdIds.filter((_id, index) => creates[index].categoryIds.length > 0),
            ...updates.map((update) => update.supplierId),
          ]);
          await sql.query('SELECT refresh_supplier_search($1::int[])', [supplierIds]);
        }
        await saveRunDelta(context, sql, delta);
        return { delta, written: supplierIds.length };
      });
    } finally {
      // (Also when the transaction could not start: later batches must not wait forever.)
      started.resolve();
      decided.resolve();
      this.claims.delete(claimed);
    }
  }

  /** Counts a row and gives what it writes (null: nothing, or held back for a later batch). */
  private decideRow(
    checked: CheckedRecord,
    lookup: LookupRow,
    delta: ReportDelta,
    claimed: Set<number>,
    inFlight: ReadonlySet<number>[],
  ): SupplierCreate | SupplierUpdate | null {
    const { record } = checked;
    if (!lookup.commune) {
      const place = [record.address.communeCode, record.address.postalCode, record.address.communeName].filter(Boolean).join(' ');
      delta.reject({ line: record.line, reason: 'Commune introuvable', value: place || 'aucune commune, aucun code postal' });
      return null;
    }
    // The first row of the file with a SIRET is the one imported (README.md, "Duplicates");
    // a row held back keeps its SIRET for when it comes back.
    const firstLine = this.siretLines.get(checked.siret);
    if (firstLine !== undefined && firstLine !== record.line) {
      delta.duplicate({ line: record.line, siret: checked.siret, firstLine });
      return null;
    }
    this.siretLines.set(checked.siret, record.line);
    const values = supplierValuesOf(checked, lookup.commune);
    const hash = contentHash(values, checked);
    const decision = decide(lookup, hash);
    let write: SupplierCreate | SupplierUpdate | null = null;
    if (decision.outcome !== 'unchanged') {
      const isClaimed = (id: number) => claimed.has(id) || inFlight.some((claims) => claims.has(id));
      if ((decision.targetId !== null && isClaimed(decision.targetId)) || lookup.nameSupplierIds.some(isClaimed)) {
        this.carried.push(checked);
        return null;
      }
      if (decision.targetId !== null) claimed.add(decision.targetId);
      const create: SupplierCreate = {
        sourceId: record.sourceId,
        contentHash: hash,
        activities: [...new Set(record.activities ?? [])],
        categoryIds: checked.categorySlugs
          .map((slug) => this.context.categoryIds.get(slug))
          .filter((id): id is number => id !== undefined),
        values,
      };
      write = decision.targetId === null
        ? create
        : { ...create, supplierId: decision.targetId, isPrimary: decision.isPrimary, publish: decision.publish };
    }
    delta.row(decision.outcome);
    delta.warn(checked.warnings);
    if (values.position_source === PositionSource.COMMUNE_CENTRE) delta.counts.communeCentrePositions += 1;
    return write;
  }
}

/**
 * End of a full run: records of this source absent from the file are marked absent;
 * suppliers left with no present record in any source are unpublished (never deleted).
 * A supplier whose primary record went away takes another present record as primary
 * (rewritten from it at that source's next import).
 */
async function unpublishAbsent(context: Context, seen: Set<string>, report: ImportReport, force: boolean): Promise<number> {
  return inTransaction(context, async (sql) => {
    if (!force) {
      const [{ present, absent }] = await sql.query<{ present: number; absent: number }[]>(
        // NOT EXISTS in a WHERE clause: an anti-join (in an aggregate's FILTER it would scan
        // the array once per record).
        `SELECT (SELECT count(*)::int FROM supplier_source_record r WHERE r.source = $1 AND r.present) AS present,
                (SELECT count(*)::int FROM supplier_source_record r
                 WHERE r.source = $1 AND r.present
                   AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS seen(source_id) WHERE seen.source_id = r.source_id)
                ) AS absent`,
        [context.source, [...seen]],
      );
      if (absent >= MASS_UNPUBLISH_MIN && absent > present * MASS_UNPUBLISH_SHARE) {
        throw new ImportError(
          `Fichier complet sans ${absent} des ${present} structures connues de cette source : rien n'a été dépublié ` +
            '(fichier tronqué ?). Les lignes lues sont importées. Si ce fichier est bien toute la source, relancez avec ' +
            '--force-unpublish ; si ce n\'est qu\'une partie, avec --partial.',
        );
      }
    }
    const gone = await sql.query<{ supplier_id: number }[]>(
      // (In CTEs: TypeORM gives [rows, count] for a bare UPDATE … RETURNING.)
      `WITH gone AS (
         UPDATE supplier_source_record r SET present = false, updated_at = now()
         WHERE r.source = $1 AND r.present
           AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS seen(source_id) WHERE seen.source_id = r.source_id)
         RETURNING r.supplier_id
       ) SELECT supplier_id FROM gone`,
      [context.source, [...seen]],
    );
    const supplierIds = [...new Set(gone.map((row) => row.supplier_id))];
    const delta = new ReportDelta();
    if (supplierIds.length > 0) {
      await sql.query(
        `UPDATE supplier_source_record r SET is_primary = false
         WHERE r.supplier_id = ANY($1::int[]) AND r.is_primary AND NOT r.present
           AND EXISTS (SELECT 1 FROM supplier_source_record o WHERE o.supplier_id = r.supplier_id AND o.present)`,
        [supplierIds],
      );
      await sql.query(
        `UPDATE supplier_source_record r SET is_primary = true, content_hash = NULL
         FROM (
           SELECT DISTINCT ON (o.supplier_id) o.source, o.source_id
           FROM supplier_source_record o
           WHERE o.supplier_id = ANY($1::int[]) AND o.present
             AND NOT EXISTS (SELECT 1 FROM supplier_source_record p WHERE p.supplier_id = o.supplier_id AND p.is_primary)
           ORDER BY o.supplier_id, o.created_at, o.source, o.source_id
         ) promoted
         WHERE (r.source, r.source_id) = (promoted.source, promoted.source_id)`,
        [supplierIds],
      );
      const unpublished = await sql.query<{ id: number }[]>(
        `WITH unpublished AS (
           UPDATE supplier s SET published = false, updated_at = now()
           WHERE s.id = ANY($1::int[]) AND s.published
             AND NOT EXISTS (SELECT 1 FROM supplier_source_record o WHERE o.supplier_id = s.id AND o.present)
           RETURNING s.id
         ) SELECT id FROM unpublished`,
        [supplierIds],
      );
      delta.counts.unpublished = unpublished.length;
      await syncImportedCategories(sql, supplierIds);
      await sql.query('SELECT refresh_supplier_search($1::int[])', [supplierIds]);
    }
    await saveRunDelta(context, sql, delta);
    delta.addTo(report);
    return supplierIds.length;
  });
}
