/**
 * Paged JSON APIs — le marché de l'inclusion `/api/siae/`, les emplois de l'inclusion
 * `/api/v1/siaes/` — answer with Django REST Framework pages `{ count, next, previous,
 * results }`. From the first page, the `next` links are followed page by page and every
 * page's results are written, in order, to one JSON array: a file the readers take as it
 * is (formats/json-items.ts), with the positions the pages would have given.
 *
 * `next` may be relative. It must stay on the host the operator's headers were given for
 * (a token is never sent elsewhere); an `http:` link on an `https:` API — a proxy-unaware
 * server — is read over https. A link seen before (a loop) or more than `maxPages` pages
 * stop the download with an error: nothing half-assembled is imported.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { isPage } from './formats/json-items.js';
import { readHead } from './formats/text-input.js';
import { displayUrl, DownloadError, type DownloadedFile } from './download.js';

/** A page of a paged API. */
export interface ApiPage {
  results: unknown[];
  next?: unknown;
  count?: unknown;
}

/** A page is parsed in memory: bigger than this, a JSON object is left to the streaming readers. */
export const MAX_PAGE_BYTES = 64e6;

export const DEFAULT_MAX_PAGES = 10_000;

/**
 * The page in `file`, when it is one of a paged API: a JSON object with a `results` array
 * and a `next` key. Anything else (a CSV, a JSON array, an object too big to be a page,
 * unreadable JSON) is null: the file is then imported as it is.
 */
export async function readApiPage(file: string): Promise<ApiPage | null> {
  const head = (await readHead(file, 1_024)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('{') || (await stat(file)).size > MAX_PAGE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  return isPage(value) && 'next' in value ? (value as ApiPage) : null;
}

export interface FollowPagesOptions {
  /** The URL the operator gave: `next` links must stay on its host when headers are sent. */
  requested: URL;
  /** Where the first page came from (after redirects). */
  firstUrl: string;
  firstPage: ApiPage;
  /** Whether the operator gave headers (a token): they must not reach another host. */
  withHeaders: boolean;
  /** The assembled JSON array. */
  output: string;
  /** Where each further page is downloaded (removed at the end). */
  pageFile: string;
  /** Downloads one page to `destination`. */
  fetchPage: (url: string, destination: string, page: number) => Promise<DownloadedFile>;
  maxPages?: number;
}

export interface AssembledPages {
  pages: number;
  /** Objects written (the results of every page). */
  items: number;
  /** The `count` of the first page, when it gives one. */
  announced: number | null;
}

/** Follows the `next` links from the first page and writes every result to `output`. */
export async function followPages(options: FollowPagesOptions): Promise<AssembledPages> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const seen = new Set<string>([options.firstUrl]);
  let page = options.firstPage;
  let pageUrl = new URL(options.firstUrl);
  let pages = 1;
  let items = 0;
  const output = await open(options.output, 'w');
  try {
    await output.write('[\n');
    const writeResults = async (results: unknown[]) => {
      if (results.length === 0) return;
      await output.write((items === 0 ? '' : ',\n') + results.map((item) => JSON.stringify(item)).join(',\n'));
      items += results.length;
    };
    await writeResults(page.results);
    for (let next = nextPage(page, pageUrl, pages, options); next !== null; next = nextPage(page, pageUrl, pages, options)) {
      if (seen.has(next.href)) throw new DownloadError(`La page ${pages} renvoie à une page déjà lue (${displayUrl(next)}) : pagination en boucle.`);
      if (pages >= maxPages) throw new DownloadError(`Plus de ${maxPages.toLocaleString('fr-FR')} pages : téléchargement arrêté.`);
      seen.add(next.href);
      pages += 1;
      const fetched = await options.fetchPage(next.href, options.pageFile, pages);
      const nextContent = await readApiPage(options.pageFile);
      if (!nextContent) {
        throw new DownloadError(`La page ${pages} (${displayUrl(next)}) n’est pas une page de l’API (objet JSON avec « results » et « next »).`);
      }
      page = nextContent;
      pageUrl = new URL(fetched.url);
      await writeResults(page.results);
    }
    await output.write('\n]\n');
  } finally {
    await output.close();
    await rm(options.pageFile, { force: true });
  }
  return { pages, items, announced: typeof options.firstPage.count === 'number' ? options.firstPage.count : null };
}

/** The URL of the page after `page` (read from `pageUrl`), or null on the last page. */
function nextPage(page: ApiPage, pageUrl: URL, number: number, options: FollowPagesOptions): URL | null {
  const link = page.next;
  if (link === null || link === undefined || link === '') return null;
  let next: URL;
  try {
    if (typeof link !== 'string') throw new TypeError();
    next = new URL(link, pageUrl);
  } catch {
    throw new DownloadError(`Lien « next » illisible à la page ${number} : ${JSON.stringify(link)}.`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new DownloadError(`Lien « next » refusé à la page ${number} : adresse ${next.protocol}// (seules http et https sont suivies).`);
  }
  if (options.withHeaders && next.host !== options.requested.host) {
    throw new DownloadError(
      `La page ${number} renvoie vers un autre site (${next.host}) : suite refusée, les en-têtes --header (jeton) ne sont envoyés qu’à ${options.requested.host}.`,
    );
  }
  if (next.protocol === 'http:' && pageUrl.protocol === 'https:' && next.host === pageUrl.host) next.protocol = 'https:';
  return next;
}
