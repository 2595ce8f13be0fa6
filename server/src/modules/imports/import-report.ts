import type { SqlRunner } from '../../core/database/sql-runner.js';
import type { SupplierSource } from '../suppliers/supplier-source.js';
import { ImportRunStatus } from './import-run.entity.js';
import type { RejectedRow, RowWarning } from './source-record.js';

/**
 * The report of an import run: counts, rejected rows, duplicates, warnings, skipped rows by
 * reason, activity values missing from the category mapping. Kept in import_run (and
 * import_rejection), updated in the transaction of each batch, and printed in French at
 * the end.
 */

/** What happened to the rows. Each row read lands in exactly one of the row outcomes. */
export interface ImportCounts {
  /** Rows read from the file and accounted for (= the sum of the row outcomes below). */
  rowsRead: number;
  /** Row outcomes: */
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  republished: number;
  rejected: number;
  skipped: number;
  /** Rows with the SIRET of an earlier imported row of the file: not imported (the first row wins). */
  duplicates: number;
  /** Suppliers unpublished at the end of a full run (not a row outcome). */
  unpublished: number;
  /** Accepted rows placed at their commune's centre for want of a position. */
  communeCentrePositions: number;
  /** Changes made to imported rows (a description cut to the limit, a contact value too long left out…). */
  warnings: number;
}

export type RowCount = Exclude<keyof ImportCounts, 'rowsRead' | 'unpublished' | 'communeCentrePositions' | 'warnings'>;

/** A row not imported because an earlier row of the file, imported, has its SIRET. */
export interface DuplicateRow {
  line: number;
  siret: string;
  /** Line of the row that was imported. */
  firstLine: number;
}

/** Duplicates and warnings are listed up to this many (the first by line); the counts are whole. */
export const LISTED_ROWS = 100;

/** Longest value kept with a rejection or a warning (a broken row can hold megabytes). */
const REPORTED_VALUE_MAX = 200;

export interface ImportRunInfo {
  source: SupplierSource;
  format: string;
  file: string;
  /** Where the file was downloaded from (`pnpm run import <url>`; secrets masked), else null. */
  url?: string | null;
  partial: boolean;
  dryRun: boolean;
}

export interface ImportReport extends ImportCounts, ImportRunInfo {
  runId: number;
  status: ImportRunStatus;
  durationMs: number;
  /** Why the run failed (FAILED only). */
  error: string | null;
  rejections: RejectedRow[];
  /** The first LISTED_ROWS duplicates, by line. */
  duplicateRows: DuplicateRow[];
  /** The first LISTED_ROWS warnings, by line. */
  warningRows: RowWarning[];
  skippedReasons: Record<string, number>;
  unmappedActivities: Record<string, number>;
}

export function emptyCounts(): ImportCounts {
  return {
    rowsRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    republished: 0,
    rejected: 0,
    skipped: 0,
    duplicates: 0,
    unpublished: 0,
    communeCentrePositions: 0,
    warnings: 0,
  };
}

/**
 * The rows of smallest line among those added, at most `limit`: memory stays bounded
 * whatever the file (O(1) amortised per row when lines grow, as they mostly do).
 */
export class FirstRows<T extends { line: number }> {
  private readonly kept: T[] = [];
  /** Index of the kept row of greatest line, once the list is full. */
  private last = -1;

  constructor(private readonly limit = LISTED_ROWS) {}

  add(row: T): void {
    if (this.kept.length < this.limit) {
      this.kept.push(row);
      if (this.kept.length === this.limit) this.last = this.indexOfLast();
    } else if (this.limit > 0 && row.line < this.kept[this.last]!.line) {
      this.kept[this.last] = row;
      this.last = this.indexOfLast();
    }
  }

  addAll(rows: Iterable<T>): void {
    for (const row of rows) this.add(row);
  }

  /** The kept rows, by line. */
  sorted(): T[] {
    return [...this.kept].sort((a, b) => a.line - b.line);
  }

  private indexOfLast(): number {
    let last = 0;
    for (let i = 1; i < this.kept.length; i++) if (this.kept[i]!.line > this.kept[last]!.line) last = i;
    return last;
  }
}

/** A value as the report keeps it: its beginning when it is long. */
export function excerpt(value: string, max = REPORTED_VALUE_MAX): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…`;
}

function reported<T extends RejectedRow>(row: T): T {
  return row.value !== undefined && row.value.length > REPORTED_VALUE_MAX ? { ...row, value: excerpt(row.value) } : row;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

/** What a batch adds to the report: written with the batch, in its transaction. */
export class ReportDelta {
  readonly counts = emptyCounts();
  readonly rejections: RejectedRow[] = [];
  readonly duplicateRows = new FirstRows<DuplicateRow>();
  readonly warningRows = new FirstRows<RowWarning>();
  readonly skippedReasons: Record<string, number> = {};
  readonly unmappedActivities: Record<string, number> = {};

  row(outcome: RowCount): void {
    this.counts[outcome] += 1;
    this.counts.rowsRead += 1;
  }

  reject(row: RejectedRow): void {
    this.rejections.push(reported(row));
    this.row('rejected');
  }

  duplicate(row: DuplicateRow): void {
    this.duplicateRows.add(row);
    this.row('duplicates');
  }

  /** Warnings of a row that is imported (not a row outcome: the row is counted by its outcome). */
  warn(warnings: readonly RowWarning[]): void {
    for (const warning of warnings) this.warningRows.add(reported(warning));
    this.counts.warnings += warnings.length;
  }

  skip(reason: string): void {
    this.skippedReasons[reason] = (this.skippedReasons[reason] ?? 0) + 1;
    this.row('skipped');
  }

  unmapped(values: readonly string[]): void {
    for (const value of values) this.unmappedActivities[value] = (this.unmappedActivities[value] ?? 0) + 1;
  }

  isEmpty(): boolean {
    return Object.values(this.counts).every((count) => count === 0) && Object.keys(this.unmappedActivities).length === 0;
  }

  /** Adds this delta to an in-memory report. */
  addTo(report: ImportReport): void {
    for (const key of Object.keys(this.counts) as (keyof ImportCounts)[]) report[key] += this.counts[key];
    report.rejections.push(...this.rejections);
    report.duplicateRows = firstRowsOf(report.duplicateRows, this.duplicateRows.sorted());
    report.warningRows = firstRowsOf(report.warningRows, this.warningRows.sorted());
    addCounts(report.skippedReasons, this.skippedReasons);
    addCounts(report.unmappedActivities, this.unmappedActivities);
  }
}

function firstRowsOf<T extends { line: number }>(...lists: T[][]): T[] {
  const rows = new FirstRows<T>();
  for (const list of lists) rows.addAll(list);
  return rows.sorted();
}

export async function createRun(db: SqlRunner, info: ImportRunInfo): Promise<number> {
  const [{ id }] = await db.query<{ id: number }[]>(
    `INSERT INTO import_run (source, format, file, source_url, partial, dry_run) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [info.source, info.format, info.file, info.url ?? null, info.partial, info.dryRun],
  );
  return id;
}

/** Adds a delta to the stored run (call it in the batch's transaction). */
export async function saveDelta(db: SqlRunner, runId: number, delta: ReportDelta): Promise<void> {
  if (delta.isEmpty()) return;
  const c = delta.counts;
  await db.query(
    `UPDATE import_run SET
       rows_read = rows_read + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
       merged = merged + $6, republished = republished + $7, rejected = rejected + $8, skipped = skipped + $9,
       unpublished = unpublished + $10, commune_centre_positions = commune_centre_positions + $11,
       skipped_reasons = jsonb_add_counts(skipped_reasons, $12::jsonb),
       unmapped_activities = jsonb_add_counts(unmapped_activities, $13::jsonb),
       duplicates = duplicates + $14, warnings = warnings + $15,
       duplicate_rows = jsonb_first_rows(duplicate_rows, $16::jsonb, $18),
       warning_rows = jsonb_first_rows(warning_rows, $17::jsonb, $18)
     WHERE id = $1`,
    [
      runId,
      c.rowsRead,
      c.created,
      c.updated,
      c.unchanged,
      c.merged,
      c.republished,
      c.rejected,
      c.skipped,
      c.unpublished,
      c.communeCentrePositions,
      JSON.stringify(delta.skippedReasons),
      JSON.stringify(delta.unmappedActivities),
      c.duplicates,
      c.warnings,
      JSON.stringify(delta.duplicateRows.sorted()),
      JSON.stringify(delta.warningRows.sorted()),
      LISTED_ROWS,
    ],
  );
  if (delta.rejections.length > 0) {
    await db.query(
      `INSERT INTO import_rejection (run_id, line, reason, value)
       SELECT $1, r.line, r.reason, r.value FROM json_to_recordset($2::json) AS r(line int, reason text, value text)`,
      [runId, JSON.stringify(delta.rejections)],
    );
  }
}

export async function finishRun(
  db: SqlRunner,
  runId: number,
  status: ImportRunStatus,
  durationMs: number,
  error: string | null,
): Promise<void> {
  await db.query(
    `UPDATE import_run SET status = $2, finished_at = now(), duration_ms = $3, error = $4 WHERE id = $1`,
    [runId, status, Math.round(durationMs), error],
  );
}

/** Runs left RUNNING by a process that died (call it holding the import lock): FAILED, counts kept. */
export async function failAbandonedRuns(db: SqlRunner): Promise<number[]> {
  const rows = await db.query<{ id: number }[]>(
    // (In a CTE: TypeORM gives [rows, count] for a bare UPDATE … RETURNING.)
    `WITH failed AS (
       UPDATE import_run SET status = 'FAILED', finished_at = now(),
         error = 'Interrompu : le processus s''est arrêté avant la fin (les lots validés sont restés en base)'
       WHERE status = 'RUNNING' RETURNING id
     ) SELECT id FROM failed`,
  );
  return rows.map((row) => row.id);
}

/** The stored report of a run. */
export async function loadReport(db: SqlRunner, runId: number): Promise<ImportReport> {
  const [row] = await db.query<Record<string, unknown>[]>(`SELECT * FROM import_run WHERE id = $1`, [runId]);
  if (!row) throw new Error(`import_run ${runId} not found`);
  const rejections = await db.query<{ line: number; reason: string; value: string | null }[]>(
    `SELECT line, reason, value FROM import_rejection WHERE run_id = $1 ORDER BY line`,
    [runId],
  );
  return {
    runId,
    source: row.source as SupplierSource,
    format: row.format as string,
    file: row.file as string,
    url: row.source_url as string | null,
    partial: row.partial as boolean,
    dryRun: row.dry_run as boolean,
    status: row.status as ImportRunStatus,
    durationMs: (row.duration_ms as number | null) ?? 0,
    error: row.error as string | null,
    rowsRead: row.rows_read as number,
    created: row.created as number,
    updated: row.updated as number,
    unchanged: row.unchanged as number,
    merged: row.merged as number,
    republished: row.republished as number,
    unpublished: row.unpublished as number,
    rejected: row.rejected as number,
    skipped: row.skipped as number,
    duplicates: row.duplicates as number,
    communeCentrePositions: row.commune_centre_positions as number,
    warnings: row.warnings as number,
    rejections: rejections.map((r) => ({ line: r.line, reason: r.reason, ...(r.value === null ? {} : { value: r.value }) })),
    duplicateRows: row.duplicate_rows as DuplicateRow[],
    warningRows: row.warning_rows as RowWarning[],
    skippedReasons: row.skipped_reasons as Record<string, number>,
    unmappedActivities: row.unmapped_activities as Record<string, number>,
  };
}

// ---------------------------------------------------------------------------------------
// Printing (French: operators read it)

const number = (value: number) => value.toLocaleString('fr-FR');
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: ms < 10_000 ? 2 : 1 })} s`;

const MAX_PRINTED_REJECTIONS = 30;
const MAX_PRINTED_VALUES = 30;

/** A titled list of rows (sorted by line), its first MAX_PRINTED_REJECTIONS printed, then where the rest is. */
function listRows<T>(lines: string[], title: string, rows: readonly T[], total: number, format: (row: T) => string, rest: string): void {
  if (total === 0) return;
  lines.push('', `${title} (${number(total)}) :`);
  for (const row of rows.slice(0, MAX_PRINTED_REJECTIONS)) lines.push(`  ${format(row)}`);
  const printed = Math.min(rows.length, MAX_PRINTED_REJECTIONS);
  if (total > printed) lines.push(`  … et ${number(total - printed)} autres (${rest})`);
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const title =
    report.status === ImportRunStatus.COMPLETED
      ? report.dryRun
        ? 'Simulation terminée (--dry-run) : rien n\'a été écrit'
        : 'Import terminé'
      : report.status === ImportRunStatus.FAILED
        ? 'Import en échec'
        : 'Import en cours';
  lines.push(`${title} — import n° ${report.runId}`);
  lines.push(`  source : ${report.source} (format ${report.format}), fichier ${report.partial ? 'partiel (--partial)' : 'complet'}`);
  if (report.url) lines.push(`  téléchargé depuis : ${report.url}`);
  lines.push(`  fichier : ${report.file}`);
  const rate = report.durationMs > 0 ? ` (${number(Math.round((report.rowsRead * 1000) / report.durationMs))} lignes/s)` : '';
  lines.push(`  lignes lues : ${number(report.rowsRead)} en ${seconds(report.durationMs)}${rate}`);
  lines.push(`  structures créées : ${number(report.created)}`);
  lines.push(`  mises à jour : ${number(report.updated)}`);
  lines.push(`  inchangées : ${number(report.unchanged)}`);
  lines.push(`  fusionnées avec une structure existante (même SIRET, ou même nom dans la même commune) : ${number(report.merged)}`);
  lines.push(`  republiées (de retour dans la source) : ${number(report.republished)}`);
  lines.push(
    `  dépubliées (absentes du fichier et de toute autre source) : ${number(report.unpublished)}` +
      (report.partial ? ' — aucune : fichier partiel' : ''),
  );
  lines.push(`  lignes rejetées : ${number(report.rejected)}`);
  lines.push(`  lignes ignorées : ${number(report.skipped)}`);
  lines.push(`  doublons (SIRET d'une ligne importée plus haut dans le fichier ; non importés) : ${number(report.duplicates)}`);
  lines.push(`  positions au centre de la commune (pas de coordonnées exploitables) : ${number(report.communeCentrePositions)}`);
  lines.push(`  avertissements (valeurs trop longues tronquées ou non reprises) : ${number(report.warnings)}`);
  if (report.error) lines.push(`  erreur : ${report.error}`);

  const withValue = (row: RejectedRow) => `ligne ${row.line} : ${row.reason}${row.value ? ` (${row.value})` : ''}`;
  listRows(lines, 'Lignes rejetées', [...report.rejections].sort((a, b) => a.line - b.line), report.rejected, withValue,
    `table import_rejection, run_id = ${report.runId}`);
  listRows(lines, 'Doublons : seule la première ligne d\'un SIRET est importée', report.duplicateRows, report.duplicates,
    (row) => `ligne ${row.line} : SIRET ${row.siret}, déjà lu ligne ${row.firstLine}`,
    `les ${LISTED_ROWS} premiers dans import_run.duplicate_rows, id ${report.runId}`);
  listRows(lines, 'Avertissements (lignes importées)', report.warningRows, report.warnings, withValue,
    `les ${LISTED_ROWS} premiers dans import_run.warning_rows, id ${report.runId}`);
  const skipped = Object.entries(report.skippedReasons).sort((a, b) => b[1] - a[1]);
  if (skipped.length > 0) {
    lines.push('', 'Lignes ignorées, par motif :');
    for (const [reason, count] of skipped) lines.push(`  ${number(count)} × ${reason}`);
  }
  const unmapped = Object.entries(report.unmappedActivities).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (unmapped.length > 0) {
    lines.push('', `Activités sans correspondance dans la taxonomie (${number(unmapped.length)} valeurs ; à revoir dans server/src/modules/imports/category-mapping.ts) :`);
    for (const [value, count] of unmapped.slice(0, MAX_PRINTED_VALUES)) lines.push(`  ${number(count)} × « ${value} »`);
    if (unmapped.length > MAX_PRINTED_VALUES) lines.push(`  … et ${number(unmapped.length - MAX_PRINTED_VALUES)} autres (import_run.unmapped_activities)`);
  }
  lines.push('', `Rapport enregistré : table import_run, id ${report.runId}.`);
  return lines.join('\n');
}
