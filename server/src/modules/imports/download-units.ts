/**
 * Sizes and durations as the operator writes them on the command line (`--max-size 500M`,
 * `--timeout 30m`) and reads them in messages (French: "12,3 Mo", "1 min 30 s"). Sizes use
 * powers of 1 000 (ko, Mo, Go), as French file managers show them.
 */

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  o: 1,
  b: 1,
  k: 1e3,
  ko: 1e3,
  kb: 1e3,
  m: 1e6,
  mo: 1e6,
  mb: 1e6,
  g: 1e9,
  go: 1e9,
  gb: 1e9,
};

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, '': 1_000, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000 };

function amount(text: string, units: Readonly<Record<string, number>>): number | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const unit = units[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  return Math.round(Number(match[1]!.replace(',', '.')) * unit);
}

/** Bytes from "1500000", "500k", "500M", "2Go"…; null when unreadable. */
export function parseByteSize(text: string): number | null {
  return amount(text, SIZE_UNITS);
}

/** Milliseconds from "90" (seconds), "90s", "500ms", "30m", "30min", "1h"…; null when unreadable. */
export function parseDuration(text: string): number | null {
  return amount(text, DURATION_UNITS);
}

const decimal = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: value < 10 ? 1 : 0 });

/** "850 o", "12,3 ko", "1,2 Mo", "3 Go". */
export function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${bytes} o`;
  if (bytes < 1e6) return `${decimal(bytes / 1e3)} ko`;
  if (bytes < 1e9) return `${decimal(bytes / 1e6)} Mo`;
  return `${decimal(bytes / 1e9)} Go`;
}

/** "250 ms", "12 s", "2 min 5 s", "1 h". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1_000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
