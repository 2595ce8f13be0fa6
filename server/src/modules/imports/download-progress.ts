/**
 * The progress line of a download, on stderr (the report goes to stdout): bytes received,
 * of how many when the server says, and the rate. On a terminal the line is rewritten in
 * place a few times a second; otherwise (CI, a log file) a line is printed every few
 * seconds.
 */
import { formatBytes } from './download-units.js';
import type { ImportDownloadProgress } from './import-download.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface DownloadProgressLine {
  update(progress: ImportDownloadProgress): void;
  /** Takes the line off a terminal before something else is printed (it comes back at the next update). */
  clear(): void;
  /** Ends the line (a terminal keeps its last state). */
  done(): void;
}

export interface DownloadProgressOptions {
  /** Printed before the line, e.g. "[import] ". */
  prefix?: string;
  /** Between two lines when not on a terminal (ms). */
  logIntervalMs?: number;
  /** Between two redraws on a terminal (ms). */
  redrawIntervalMs?: number;
}

export function downloadProgressText(progress: ImportDownloadProgress, elapsedMs: number): string {
  const of = progress.total ? ` sur ${formatBytes(progress.total)} (${Math.floor((progress.bytes * 100) / progress.total)} %)` : '';
  const page = progress.page ? `page ${progress.page}, ` : '';
  const rate = elapsedMs > 0 ? `, ${formatBytes(Math.round((progress.bytes * 1000) / elapsedMs))}/s` : '';
  return `Téléchargement : ${page}${formatBytes(progress.bytes)}${of}${rate}`;
}

export function downloadProgressLine(stream: ProgressStream, options: DownloadProgressOptions = {}): DownloadProgressLine {
  const prefix = options.prefix ?? '';
  const started = Date.now();
  let last: ImportDownloadProgress | null = null;
  let printedAt = 0;
  let shown = false;
  const line = (progress: ImportDownloadProgress) => prefix + downloadProgressText(progress, Date.now() - started);

  if (stream.isTTY) {
    const interval = options.redrawIntervalMs ?? 200;
    const draw = () => {
      if (!last) return;
      stream.write(`\r\x1b[2K${line(last)}`);
      shown = true;
      printedAt = Date.now();
    };
    return {
      update(progress) {
        last = progress;
        if (Date.now() - printedAt >= interval) draw();
      },
      clear() {
        if (shown) stream.write('\r\x1b[2K');
        shown = false;
        printedAt = 0;
      },
      done() {
        draw();
        if (shown) stream.write('\n');
        shown = false;
      },
    };
  }

  const interval = options.logIntervalMs ?? 5_000;
  printedAt = started;
  return {
    update(progress) {
      last = progress;
      if (Date.now() - printedAt < interval) return;
      printedAt = Date.now();
      stream.write(`${line(progress)}\n`);
    },
    clear() {},
    done() {},
  };
}
