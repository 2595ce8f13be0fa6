/**
 * One URL to one file, for `pnpm run import <https-url>` (README.md, "Importing from a
 * URL"). The body is streamed to disk; redirects are followed (at most `maxRedirects`,
 * http and https only, the operator's headers dropped when the origin changes); gzip,
 * deflate and br Content-Encoding are decoded, and a gzip body (a `.csv.gz`) is
 * decompressed. Bounds: `maxBytes` of decoded data, `timeoutMs` for the whole download
 * (retries included), `idleTimeoutMs` without a byte. Network errors, 408, 429 and 5xx
 * answers are retried with exponential backoff (Retry-After honoured); a body shorter than
 * its Content-Length, or a connection cut in the middle, is an error, never a file.
 *
 * The caller gives the destination: it should be a temporary name, renamed once the file
 * is complete and checked (import-download.ts). Failures are DownloadErrors whose
 * messages, in French, are for the operator.
 */
import { createWriteStream } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline as pipelineCallback, Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { formatBytes, formatDuration } from './download-units.js';

export interface DownloadLimits {
  /** Largest file accepted, in decoded bytes (all pages of a paged API together). */
  maxBytes: number;
  /** Longest the whole download may take, retries and pages included (ms). */
  timeoutMs: number;
  /** Longest wait for the response or for its next bytes (ms). */
  idleTimeoutMs: number;
  /** Attempts after the first one when a failure is transient. */
  retries: number;
  /** Redirects followed for one request. */
  maxRedirects: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: Readonly<DownloadLimits> = {
  // The national files are tens of megabytes (FINESS ~100 000 establishments).
  maxBytes: 1e9,
  timeoutMs: 30 * 60_000,
  idleTimeoutMs: 60_000,
  retries: 3,
  maxRedirects: 10,
};

/** First wait before a retry; it doubles at each attempt. */
const RETRY_DELAY_MS = 1_000;
/** A server asking to wait longer than this (Retry-After) is not waited for. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** What is read of an error response to quote it. */
const ERROR_BODY_BYTES = 4_096;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that are not sent to another origin than the one the operator gave them for. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export interface DownloadProgress {
  /** Bytes received so far for this URL (as transferred, before decoding). */
  bytes: number;
  /** Content-Length of the response, when the server gives it. */
  total: number | null;
}

export interface DownloadOptions {
  limits?: Partial<DownloadLimits>;
  /** Extra request headers (e.g. Authorization), sent to the given URL's origin only. */
  headers?: Readonly<Record<string, string>>;
  /** Aborting stops the download (the error says it was the operator). */
  signal?: AbortSignal;
  /** When the whole download started (ms since the epoch; default now): timeoutMs counts from it. */
  startedAt?: number;
  /** Decoded bytes already downloaded (earlier pages): they count against maxBytes. */
  bytesBefore?: number;
  /** First wait before a retry (ms); doubles each time. */
  retryDelayMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
  /** Told before each retry, with why and when. */
  onRetry?: (message: string) => void;
}

export interface DownloadedFile {
  /** The URL finally read (after redirects). */
  url: string;
  /** Decoded bytes written to the destination. */
  bytes: number;
  /** Bytes received (as transferred, before decoding). */
  received: number;
  contentType: string | null;
  /** The file name the server suggests (Content-Disposition), if any. */
  suggestedName: string | null;
  /** The body was itself gzip-compressed (a `.gz` file) and was decompressed. */
  gunzipped: boolean;
}

/** A download that failed; the message is for the operator (French). */
export class DownloadError extends Error {
  constructor(
    message: string,
    /** Worth another attempt (network trouble, overloaded server…). */
    readonly retryable = false,
    /** How long the server asked to wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** Query parameters whose values are not printed nor stored (tokens given in the URL). */
const SECRET_PARAMETER = /token|key|secret|passw|signature|^sig$|auth/i;

/** The URL as it may be printed and stored: no user info, secret-looking parameters masked. */
export function displayUrl(url: string | URL): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.href;
}

/** Parses an address given to the command: http or https only. */
export function downloadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError(`Adresse illisible : « ${text} ».`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError(`Seules les adresses http:// et https:// sont téléchargées (reçu « ${url.protocol}// »).`);
  }
  return url;
}

/** Downloads `url` to `destination` (created or truncated), within the limits; see the module comment. */
export async function downloadFile(url: string, destination: string, options: DownloadOptions = {}): Promise<DownloadedFile> {
  const limits: DownloadLimits = { ...DEFAULT_DOWNLOAD_LIMITS, ...options.limits };
  const start = downloadUrl(url);
  const deadline = (options.startedAt ?? Date.now()) + limits.timeoutMs;
  const timeUp = () => new DownloadError(`Téléchargement trop long : plus de ${formatDuration(limits.timeoutMs)} (--timeout).`);
  if (Date.now() >= deadline) throw timeUp();

  const overall = new AbortController();
  const timer = setTimeout(() => overall.abort(timeUp()), deadline - Date.now());
  const stop = () => overall.abort(new DownloadError('Téléchargement interrompu à la demande de l’opérateur.'));
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptDownload(start, destination, limits, options, overall.signal);
      } catch (error) {
        const failure = overall.signal.aborted ? (overall.signal.reason as DownloadError) : asDownloadError(error, destination);
        const tried = attempt === 0 ? '' : ` (${attempt + 1} essais)`;
        if (!failure.retryable || attempt >= limits.retries) throw new DownloadError(failure.message + tried);
        const backoff = (options.retryDelayMs ?? RETRY_DELAY_MS) * 2 ** attempt;
        const wait = Math.max(backoff, failure.retryAfterMs ?? 0);
        if (wait > MAX_RETRY_AFTER_MS) {
          throw new DownloadError(`${failure.message} Le serveur demande d’attendre ${formatDuration(wait)} : relancez plus tard.`);
        }
        if (Date.now() + wait >= deadline) throw new DownloadError(`${failure.message}${tried} ; plus le temps d’un nouvel essai (--timeout).`);
        options.onRetry?.(`${failure.message} Nouvel essai dans ${formatDuration(wait)} (${attempt + 2}/${limits.retries + 1}).`);
        try {
          await sleep(wait, undefined, { signal: overall.signal });
        } catch {
          throw overall.signal.reason as DownloadError;
        }
      }
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** One attempt: request, redirects, body to the destination. */
async function attemptDownload(
  start: URL,
  destination: string,
  limits: DownloadLimits,
  options: DownloadOptions,
  overall: AbortSignal,
): Promise<DownloadedFile> {
  const attempt = new AbortController();
  const signal = AbortSignal.any([overall, attempt.signal]);
  const idle = setTimeout(
    () => attempt.abort(new DownloadError(`Aucune donnée reçue depuis ${formatDuration(limits.idleTimeoutMs)} (--idle-timeout).`, true)),
    limits.idleTimeoutMs,
  );
  let received = 0;
  let total: number | null = null;
  let response: IncomingMessage | null = null;
  try {
    const opened = await openFollowingRedirects(start, options.headers ?? {}, limits, signal);
    response = opened.response;
    const { url, credentialsDropped } = opened;
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300 || status === 204 || status === 206) {
      const body = await readStart(response, () => idle.refresh());
      throw httpError(status, response.statusMessage ?? '', response.headers, body, credentialsDropped ? url : null);
    }
    total = contentLength(response.headers);
    const before = options.bytesBefore ?? 0;
    const room = limits.maxBytes - before;
    if (total !== null && total > room) {
      throw tooLarge(limits, before === 0 ? `${formatBytes(total)} annoncés` : `${formatBytes(before + total)} avec les pages précédentes`);
    }

    let written = 0;
    let gunzipped = false;
    await pipeline([
      response,
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          idle.refresh();
          options.onProgress?.({ bytes: received, total });
          yield chunk;
        }
      },
      ...contentDecoders(response.headers['content-encoding']),
      sniffing((head) => {
        // A gzip file served as such (`.csv.gz`, application/gzip): the readers want it plain.
        gunzipped = head[0] === 0x1f && head[1] === 0x8b;
        return gunzipped ? through(() => zlib.createGunzip()) : null;
      }),
      async function* bound(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          written += chunk.length;
          if (written > room) throw tooLarge(limits, `plus de ${formatBytes(limits.maxBytes)} reçus`);
          yield chunk;
        }
      },
      createWriteStream(destination),
    ] as unknown as NodeJS.ReadWriteStream[]);
    if (!response.complete || (total !== null && received < total)) throw cut(received, total);
    return {
      url: url.href,
      bytes: written,
      received,
      contentType: response.headers['content-type'] ?? null,
      suggestedName: suggestedName(response.headers['content-disposition']),
      gunzipped,
    };
  } catch (error) {
    response?.destroy();
    if (overall.aborted) throw overall.reason;
    if (attempt.signal.aborted) throw attempt.signal.reason;
    if (isConnectionCut(error) && received > 0) throw cut(received, total);
    throw error;
  } finally {
    clearTimeout(idle);
  }
}

interface OpenResponse {
  response: IncomingMessage;
  /** Where the response comes from (after redirects). */
  url: URL;
  /** The operator's credentials were not sent to `url` (another origin). */
  credentialsDropped: boolean;
}

async function openFollowingRedirects(
  start: URL,
  headers: Readonly<Record<string, string>>,
  limits: DownloadLimits,
  signal: AbortSignal,
): Promise<OpenResponse> {
  let url = start;
  let sent: Record<string, string> = {
    'user-agent': 'achat-inclusif-import/1.0',
    accept: 'application/json, text/csv;q=0.9, */*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
    ...headers,
  };
  let credentialsDropped = false;
  for (let redirects = 0; ; redirects++) {
    const response = await request(url, sent, signal);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location) return { response, url, credentialsDropped };
    response.destroy();
    if (redirects >= limits.maxRedirects) {
      throw new DownloadError(`Trop de redirections (plus de ${limits.maxRedirects}) depuis ${displayUrl(start)}.`);
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new DownloadError(`Redirection illisible depuis ${displayUrl(url)} : « ${location} ».`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new DownloadError(`Redirection refusée vers une adresse ${next.protocol}// (seules http et https sont suivies) depuis ${displayUrl(url)}.`);
    }
    if (next.origin !== start.origin && !credentialsDropped) {
      const lowered = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
      credentialsDropped = CREDENTIAL_HEADERS.some((name) => lowered.has(name));
      sent = Object.fromEntries(Object.entries(sent).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())));
    }
    url = next;
  }
}

/** A GET whose request and response are destroyed with the signal's reason when it aborts. */
function request(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.get(url, { headers }, (response) => {
      signal.removeEventListener('abort', abortRequest);
      const abortResponse = () => response.destroy(signal.reason);
      signal.addEventListener('abort', abortResponse, { once: true });
      response.once('close', () => signal.removeEventListener('abort', abortResponse));
      resolve(response);
    });
    const abortRequest = () => outgoing.destroy(signal.reason);
    signal.addEventListener('abort', abortRequest, { once: true });
    outgoing.once('error', (error) => {
      signal.removeEventListener('abort', abortRequest);
      reject(error);
    });
  });
}

// ---------------------------------------------------------------------------------------
// Body stages

type Stage = (source: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;

/** A stream transform as a stage of the pipeline. */
function through(create: () => Transform): Stage {
  return (source) => pipelineCallback(Readable.from(source), create(), () => undefined) as unknown as AsyncIterable<Buffer>;
}

/** Looks at the first bytes, then passes everything through the stage `decide` picks (or as it is). */
function sniffing(decide: (head: Buffer) => Stage | null): Stage {
  return async function* (source) {
    const iterator = source[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let length = 0;
    while (length < 2) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
      length += next.value.length;
    }
    async function* all(): AsyncGenerator<Buffer> {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    const stage = decide(Buffer.concat(head));
    yield* stage ? stage(all()) : all();
  };
}

/** The decoders of a Content-Encoding, last applied first. */
function contentDecoders(header: string | undefined): Stage[] {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return through(() => zlib.createGunzip());
    if (coding === 'br') return through(() => zlib.createBrotliDecompress());
    if (coding === 'deflate') {
      // "deflate" is zlib-wrapped by the standard; some servers send it raw.
      return sniffing((head) => through(() => (head.length >= 2 && (head[0]! & 0x0f) === 8 && head.readUInt16BE(0) % 31 === 0 ? zlib.createInflate() : zlib.createInflateRaw())));
    }
    throw new DownloadError(`Encodage de la réponse non géré : « ${coding} ».`);
  });
}

// ---------------------------------------------------------------------------------------
// Errors

function contentLength(headers: IncomingHttpHeaders): number | null {
  const value = headers['content-length'];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

function tooLarge(limits: DownloadLimits, what: string): DownloadError {
  return new DownloadError(`Fichier trop gros : ${what}, la limite est ${formatBytes(limits.maxBytes)} (--max-size).`);
}

function cut(received: number, total: number | null): DownloadError {
  const announced = total === null ? '' : ` sur ${formatBytes(total)} annoncés`;
  return new DownloadError(`Téléchargement incomplet : la connexion a été coupée après ${formatBytes(received)}${announced}.`, true);
}

function isConnectionCut(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error instanceof Error && error.message === 'aborted');
}

/** The first bytes of a body (an error response: enough to quote it). */
async function readStart(response: IncomingMessage, onData: () => void): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      onData();
      chunks.push(chunk);
      length += chunk.length;
      if (length >= ERROR_BODY_BYTES) break;
    }
  } catch {
    // What came is enough.
  }
  response.destroy();
  const body = Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES);
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase();
  // Quoting a compressed error body is not worth decoding it.
  return encoding === '' || encoding === 'identity' ? body.toString('utf8') : '';
}

/** What a server says in an error body: a JSON `detail`/`message`/`error`, an HTML title, or short text. */
export function serverSays(body: string): string | null {
  const text = body.trim();
  if (text === '') return null;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['detail', 'message', 'error', 'error_description']) {
      if (typeof json?.[key] === 'string') return json[key] as string;
    }
  } catch {
    // Not JSON.
  }
  if (text.startsWith('<')) return /<title[^>]*>([^<]*)</i.exec(text)?.[1]?.trim() || null;
  return text.length <= 200 ? text : null;
}

function retryAfterMs(header: string | undefined): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function httpError(status: number, statusText: string, headers: IncomingHttpHeaders, body: string, redirectedTo: URL | null): DownloadError {
  const said = serverSays(body);
  const quote = said ? ` Le serveur dit : « ${said} ».` : '';
  const code = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 401 || status === 403) {
    const hint = redirectedTo
      ? ` L’adresse a été redirigée vers ${redirectedTo.host}, où les en-têtes --header ne sont pas envoyés : donnez directement l’adresse finale.`
      : ' Si ce point d’accès demande un jeton, donnez-le avec --header "Authorization: …".';
    return new DownloadError(`Accès refusé (${code}).${quote}${hint}`);
  }
  if (status === 404 || status === 410) {
    return new DownloadError(`Adresse introuvable (${code}).${quote} Le fichier a peut-être changé d’adresse : reprenez le lien sur la page officielle de la source.`);
  }
  const retryable = status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
  const what = status === 429 ? 'Trop de requêtes, le serveur limite le débit' : status >= 500 ? 'Erreur du serveur' : 'Réponse inattendue';
  return new DownloadError(`${what} (${code}).${quote}`, retryable, retryAfterMs(headers['retry-after']));
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_STREAM_PREMATURE_CLOSE']);

/** A failure as the operator should read it, and whether another attempt may help. */
function asDownloadError(error: unknown, destination: string): DownloadError {
  if (error instanceof DownloadError) return error;
  const { code, message } = error as { code?: string; message?: string };
  const detail = message ?? String(error);
  if (code && RETRYABLE_CODES.has(code)) return new DownloadError(`Connexion impossible ou coupée (${code}).`, true);
  if (message === 'aborted') return new DownloadError('La connexion a été coupée.', true);
  if (code === 'ENOTFOUND') return new DownloadError(`Serveur introuvable (${detail}) : vérifiez l’adresse.`);
  if (code && (code.startsWith('CERT_') || code.startsWith('ERR_TLS') || code.includes('CERT') || code.includes('SELF_SIGNED'))) {
    return new DownloadError(`Connexion sécurisée refusée : certificat du serveur invalide (${code}).`);
  }
  if (code?.startsWith('Z_') || code?.startsWith('ERR__ERROR_')) {
    // zlib (Z_BUF_ERROR: "unexpected end of file") and brotli (ERR__ERROR_FORMAT_…) decoders.
    return new DownloadError(`Contenu compressé illisible ou tronqué (${detail}).`);
  }
  if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'ENOENT' || code === 'EISDIR') {
    return new DownloadError(`Écriture du fichier impossible (${code}) : ${destination}.`);
  }
  return new DownloadError(`Téléchargement impossible : ${detail}.`);
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` or `filename="…"`). */
export function suggestedName(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // Fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || null;
}
