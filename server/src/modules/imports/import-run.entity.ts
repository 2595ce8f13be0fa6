import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SupplierSource } from '../suppliers/supplier-source.js';

export enum ImportRunStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

/**
 * One run of `pnpm import` and its report (table import_run). The engine writes it with
 * SQL, in the transaction of each batch; this mapping is for reading it (admin screens).
 */
@Entity('import_run')
// (started_at DESC): TypeORM cannot declare a descending index.
@Index('import_run_started_idx', { synchronize: false })
export class ImportRunEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'enum', enum: SupplierSource, enumName: 'data_source' })
  source!: SupplierSource;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  file!: string;

  /** Where the file was downloaded from (secrets masked); null for a local file. */
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'boolean' })
  partial!: boolean;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun!: boolean;

  @Column({ type: 'enum', enum: ImportRunStatus, enumName: 'import_run_status', default: ImportRunStatus.RUNNING })
  status!: ImportRunStatus;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  merged!: number;

  @Column({ type: 'integer', default: 0 })
  republished!: number;

  @Column({ type: 'integer', default: 0 })
  unpublished!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  /** Rows not imported because an earlier row of the file had their SIRET. */
  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  /** The first 100 duplicates, by line: `{ line, siret, firstLine }`. */
  @Column({ name: 'duplicate_rows', type: 'jsonb', default: [] })
  duplicateRows!: { line: number; siret: string; firstLine: number }[];

  /** Changes made to imported rows (values too long cut or left out). */
  @Column({ type: 'integer', default: 0 })
  warnings!: number;

  /** The first 100 warnings, by line: `{ line, reason, value? }`. */
  @Column({ name: 'warning_rows', type: 'jsonb', default: [] })
  warningRows!: { line: number; reason: string; value?: string }[];

  @Column({ name: 'commune_centre_positions', type: 'integer', default: 0 })
  communeCentrePositions!: number;

  @Column({ name: 'skipped_reasons', type: 'jsonb', default: {} })
  skippedReasons!: Record<string, number>;

  @Column({ name: 'unmapped_activities', type: 'jsonb', default: {} })
  unmappedActivities!: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
