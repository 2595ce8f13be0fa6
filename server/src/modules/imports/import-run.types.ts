import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { ImportRunStatus, type ImportRunEntity } from './import-run.entity.js';

registerEnumType(ImportRunStatus, {
  name: 'ImportRunStatus',
  description: 'State of an import run.',
  valuesConfig: {
    RUNNING: { description: 'In progress (or its process died and no later run has closed it yet).' },
    COMPLETED: { description: 'Every row was read and accounted for (rejected rows included).' },
    FAILED: { description: 'Stopped by an error or an interruption; the batches already committed stay.' },
  },
});

/** What every row an import run lists has (an abstract type, not in the schema: as EdgeType in pagination.ts). */
@ObjectType()
abstract class ImportRow {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line!: number;
}

/** A listed row with a reason and maybe a value. */
@ObjectType()
abstract class ImportRowWithValue extends ImportRow {
  @Field(() => String, { nullable: true, description: 'The value concerned (its beginning when long), when there is one.' })
  value!: string | null;
}

@ObjectType('ImportRejection', { description: 'A row of the file refused by an import, with why.' })
export class ImportRejection extends ImportRowWithValue {
  @Field({ description: 'Why the row was refused (French, for operators).' })
  reason!: string;
}

@ObjectType('ImportWarning', { description: 'A change made to a row that was imported, e.g. a description cut to the directory\'s limit.' })
export class ImportWarning extends ImportRowWithValue {
  @Field({ description: 'What was changed, and why (French, for operators).' })
  reason!: string;
}

@ObjectType('ImportDuplicate', { description: 'A row not imported because an earlier row of the file, imported, has its SIRET.' })
export class ImportDuplicate extends ImportRow {
  @Field({ description: 'The SIRET both rows give.' })
  siret!: string;

  @Field(() => Int, { description: 'Line of the row that was imported.' })
  firstLine!: number;
}

@ObjectType('UnmappedActivity', { description: 'An activity value of the source that the category mapping does not know.' })
export class UnmappedActivity {
  @Field({ description: 'The value as written in the source.' })
  value!: string;

  @Field(() => Int, { description: 'Number of rows of the run that carried it.' })
  count!: number;
}

@ObjectType('ImportRun', { description: 'One run of the import command and its report (admins only).' })
export class ImportRun {
  @Field(() => ID, { description: 'Number of the run (as printed by the command).' })
  id!: string;

  @Field(() => SupplierSource, { description: 'Source of the imported file.' })
  source!: SupplierSource;

  @Field({ description: 'Format of the file (data-inclusion, finess, generic…).' })
  format!: string;

  @Field({ description: 'Path of the imported file, as given to the command.' })
  fileName!: string;

  @Field({ description: 'Whether the file was partial (--partial): nothing is unpublished at the end of such a run.' })
  partial!: boolean;

  @Field({ description: 'Whether the run was a simulation (--dry-run): nothing was written to the directory.' })
  dryRun!: boolean;

  @Field(() => ImportRunStatus, { description: 'State of the run.' })
  status!: ImportRunStatus;

  @Field(() => DateTimeResolver, { description: 'When the run started.' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the run ended; null while it runs.' })
  finishedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Duration of the run in milliseconds; null while it runs.' })
  durationMs!: number | null;

  @Field(() => Int, { description: 'Rows read from the file (the sum of the row outcomes).' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows that created a supplier.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that updated a supplier of the same source.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to what the directory held.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows merged with an existing supplier (same SIRET, or same name in the same commune).' })
  merged!: number;

  @Field(() => Int, { description: 'Rows that brought an unpublished supplier back.' })
  republished!: number;

  @Field(() => Int, { description: 'Suppliers unpublished at the end of a full run (absent from the file and from every other source).' })
  unpublished!: number;

  @Field(() => Int, { description: 'Rows refused (see `rejections`).' })
  rejected!: number;

  @Field(() => Int, { description: 'Rows skipped on purpose (closed structure, out of scope…).' })
  skipped!: number;

  @Field(() => Int, { description: 'Rows not imported because an earlier row of the file, imported, has their SIRET (the first row wins).' })
  duplicates!: number;

  @Field(() => [ImportDuplicate], { description: 'The first 100 duplicates, by line.' })
  duplicateRows!: ImportDuplicate[];

  @Field(() => Int, { description: 'Changes made to imported rows (a value longer than the directory allows cut or left out).' })
  warnings!: number;

  @Field(() => [ImportWarning], { description: 'The first 100 warnings, by line.' })
  warningRows!: ImportWarning[];

  @Field(() => String, { nullable: true, description: 'Why the run failed (FAILED only).' })
  error!: string | null;

  @Field(() => [UnmappedActivity], { description: 'Activity values missing from the category mapping, most frequent first.' })
  unmappedActivities!: UnmappedActivity[];

  static of(entity: ImportRunEntity): ImportRun {
    return Object.assign(new ImportRun(), {
      id: String(entity.id),
      source: entity.source,
      format: entity.format,
      fileName: entity.file,
      partial: entity.partial,
      dryRun: entity.dryRun,
      status: entity.status,
      startedAt: entity.startedAt,
      finishedAt: entity.finishedAt,
      durationMs: entity.durationMs,
      rowsRead: entity.rowsRead,
      created: entity.created,
      updated: entity.updated,
      unchanged: entity.unchanged,
      merged: entity.merged,
      republished: entity.republished,
      unpublished: entity.unpublished,
      rejected: entity.rejected,
      skipped: entity.skipped,
      duplicates: entity.duplicates,
      duplicateRows: (entity.duplicateRows ?? []).map((row) => Object.assign(new ImportDuplicate(), row)),
      warnings: entity.warnings,
      warningRows: (entity.warningRows ?? []).map((row) => Object.assign(new ImportWarning(), { ...row, value: row.value ?? null })),
      error: entity.error,
      unmappedActivities: Object.entries(entity.unmappedActivities ?? {})
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([value, count]) => Object.assign(new UnmappedActivity(), { value, count })),
    });
  }
}

@ObjectType('ImportRunEdge', { description: 'An import run in a list.' })
export class ImportRunEdge extends EdgeType(ImportRun, 'import run') {}

@ObjectType('ImportRunConnection', { description: 'A page of import runs, newest first (Relay connection).' })
export class ImportRunConnection extends ConnectionType(ImportRunEdge, 'import runs') {}
