/**
 * The file an import downloads (`pnpm run import <https-url>`): fetched (download.ts), the
 * pages of a paged API assembled (paged-download.ts), checked, then kept in the downloads
 * folder as `<date>-<name>` — e.g. `.data/downloads/2025-12-07-180005-structures.csv` —
 * so that the report can name it and the import can be run again on the same data.
 *
 * Until it is complete and checked, the file lives in `<downloads>/.partial/`; it gets its
 * final name only then. A failed, truncated or refused download (an HTML page instead of
 * data, an empty answer, a file `accept` refuses) leaves nothing in the downloads folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { headText, readHead } from './formats/text-input.js';
import {
  DEFAULT_DOWNLOAD_LIMITS,
  displayUrl,
  downloadFile,
  DownloadError,
  downloadUrl,
  serverSays,
  type DownloadedFile,
  type DownloadLimits,
  type DownloadOptions,
} from './download.js';
import { followPages, readApiPage } from './paged-download.js';

/** Partial files older than this are left-overs of a killed run: removed. */
const STALE_PARTIAL_MS = 24 * 3_600_000;

export interface ImportDownloadProgress {
  /** Bytes received so far (all pages). */
  bytes: number;
  /** Size of the file being received, when the server says (single files). */
  total: number | null;
  /** Page being received (paged APIs, from the second page). */
  page: number | null;
}

export interface ImportDownloadOptions extends Pick<DownloadOptions, 'headers' | 'signal' | 'retryDelayMs' | 'onRetry'> {
  /** The downloads folder (config `downloadsDir`). */
  directory: string;
  limits?: Partial<DownloadLimits>;
  onProgress?: (progress: ImportDownloadProgress) => void;
  log?: (message: string) => void;
  /** The last check of the complete file, before it is kept (e.g. its format is recognised); throwing refuses it. */
  accept?: (file: string) => Promise<void>;
  /** The date in the file's name (default now). */
  now?: Date;
  maxPages?: number;
}

export interface ImportDownload {
  /** The kept file. */
  file: string;
  /** The URL as it may be printed and stored (secrets masked, see displayUrl). */
  url: string;
  bytes: number;
  /** Pages read, for a paged API; null for a single file. */
  pages: number | null;
}

/** Downloads `url` for an import and keeps it in the downloads folder; see the module comment. */
export async function downloadForImport(url: string, options: ImportDownloadOptions): Promise<ImportDownload> {
  const requested = downloadUrl(url);
  const limits: DownloadLimits = { ...DEFAULT_DOWNLOAD_LIMITS, ...options.limits };
  const partialDir = path.join(options.directory, '.partial');
  await mkdir(partialDir, { recursive: true });
  await removeStalePartials(partialDir);
  const stamp = fileStamp(options.now ?? new Date());
  const unique = `${stamp}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const temporary = new Set<string>();
  const partial = (name: string) => {
    const file = path.join(partialDir, name);
    temporary.add(file);
    return file;
  };

  const startedAt = Date.now();
  let bytesBefore = 0;
  let receivedBefore = 0;
  const fetch = (pageUrl: string, destination: string, page: number | null) =>
    downloadFile(pageUrl, destination, {
      limits,
      headers: options.headers,
      signal: options.signal,
      startedAt,
      bytesBefore,
      retryDelayMs: options.retryDelayMs,
      onRetry: options.onRetry,
      onProgress: ({ bytes, total }) => options.onProgress?.({ bytes: receivedBefore + bytes, total: page === null ? total : null, page }),
    }).then((downloaded) => {
      bytesBefore += downloaded.bytes;
      receivedBefore += downloaded.received;
      return downloaded;
    });

  try {
    let file = partial(`${unique}.download`);
    const first = await fetch(requested.href, file, null);
    let pages: number | null = null;
    const firstPage = await readApiPage(file);
    if (firstPage) {
      const assembled = partial(`${unique}.pages.json`);
      const result = await followPages({
        requested,
        firstUrl: first.url,
        firstPage,
        withHeaders: Object.keys(options.headers ?? {}).length > 0,
        output: assembled,
        pageFile: partial(`${unique}.page`),
        fetchPage: (pageUrl, destination, page) => fetch(pageUrl, destination, page),
        maxPages: options.maxPages,
      });
      await rm(file, { force: true });
      file = assembled;
      pages = result.pages;
      options.log?.(`${result.pages} pages lues, ${result.items.toLocaleString('fr-FR')} structures.`);
      if (result.announced !== null && result.announced !== result.items) {
        options.log?.(
          `Attention : l’API annonçait ${result.announced.toLocaleString('fr-FR')} structures et en a donné ` +
            `${result.items.toLocaleString('fr-FR')} (liste modifiée pendant le téléchargement ?).`,
        );
      }
    }

    const name = `${stamp}-${fileNameOf(first, pages !== null)}`;
    const checked = partial(name);
    await rename(file, checked);
    await refuseNonData(checked, first.contentType);
    await options.accept?.(checked);

    const kept = freePath(options.directory, name);
    await rename(checked, kept);
    temporary.delete(checked);
    const { size } = await stat(kept);
    return { file: kept, url: displayUrl(requested), bytes: size, pages };
  } finally {
    await Promise.all([...temporary].map((file) => rm(file, { force: true })));
  }
}

/** Local date and time, sortable and valid in file names: 2025-12-07-180005. */
export function fileStamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

const KNOWN_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.jsonl', '.ndjson', '.xlsx'];

const EXTENSION_OF_TYPE: readonly [RegExp, string][] = [
  [/json/, '.json'],
  [/csv/, '.csv'],
  [/spreadsheetml/, '.xlsx'],
  [/text\/plain/, '.txt'],
];

/**
 * The name a download is kept under (before its date): the server's suggestion, else the
 * last segment of the URL's path, else its host and path (an API endpoint `/api/siae/`);
 * reduced to safe characters; `.gz` dropped when the body was decompressed; an extension
 * from the Content-Type when it has none the readers know (format detection uses it).
 */
export function fileNameOf(downloaded: DownloadedFile, assembledPages: boolean): string {
  const url = new URL(downloaded.url);
  const segments = url.pathname.split('/').filter((segment) => segment !== '').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const raw =
    downloaded.suggestedName ??
    (url.pathname.endsWith('/') || segments.length === 0 ? [url.hostname, ...segments].join('-') : segments[segments.length - 1]!);
  let name = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(-120);
  if (downloaded.gunzipped) name = name.replace(/\.gz$/i, '');
  if (name === '') name = 'telechargement';
  const extension = path.extname(name).toLowerCase();
  if (assembledPages) return extension === '.json' ? name : `${name}.json`;
  if (KNOWN_EXTENSIONS.includes(extension)) return name;
  const type = (downloaded.contentType ?? '').toLowerCase();
  const fromType = EXTENSION_OF_TYPE.find(([pattern]) => pattern.test(type))?.[1];
  return fromType ? `${name}${fromType}` : name;
}

/** `directory/name`, or `name-2`, `name-3`… when taken. */
function freePath(directory: string, name: string): string {
  const extension = path.extname(name);
  const base = name.slice(0, name.length - extension.length);
  for (let index = 1; ; index++) {
    const candidate = path.join(directory, index === 1 ? name : `${base}-${index}${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Refuses what is not a data file: an empty answer, or a web page — a login or error page
 * served with 200 — or other markup, which no reader reads.
 */
export async function refuseNonData(file: string, contentType: string | null): Promise<void> {
  const head = await readHead(file, 16_384);
  const text = headText(head).trimStart();
  if (text === '') throw new DownloadError('La réponse est vide : aucune donnée à importer.');
  if (!text.startsWith('<')) return;
  const title = serverSays(text);
  const isPage = /^<(!doctype\s+html|html|head|body|!--)/i.test(text) || /html/i.test(contentType ?? '');
  throw new DownloadError(
    isPage
      ? `Le serveur a renvoyé une page web${title ? ` (« ${title} »)` : ''} au lieu d’un fichier de données : ` +
          'page de connexion ou d’erreur ? Vérifiez que l’adresse mène directement au fichier ' +
          '(lien de téléchargement de la page officielle) et, pour une API, le jeton (--header).'
      : 'Le serveur a renvoyé du XML ou du balisage, que l’import ne lit pas : attendu un fichier CSV, XLSX ou JSON.',
  );
}

/** Removes partial files older than STALE_PARTIAL_MS (left by a process killed mid-download). */
async function removeStalePartials(directory: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(directory)) {
    const file = path.join(directory, entry);
    try {
      if (now - (await stat(file)).mtimeMs > STALE_PARTIAL_MS) await rm(file, { force: true });
    } catch {
      // Gone meanwhile (another import cleaning up).
    }
  }
}
