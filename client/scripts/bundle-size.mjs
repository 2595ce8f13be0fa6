// Prints what a buyer downloads (raw and gzip -9) from the Vite manifest of the last
// `vite build`: the search page's initial JavaScript and CSS (the entry and its static
// imports, recursively), then what each lazy chunk (route, map…) adds on top.
// Figures, not a gate: `--check` exits 1 when the budget is over.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200_000; // initial JS of the search page, gzipped
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifestPath = path.join(distDir, '.vite/manifest.json');

if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`vite build\` with build.manifest: true first.`);
  process.exit(1);
}
/** @type {Record<string, { file: string; src?: string; name?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(path.join(distDir, file));
    sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The chunk and everything it imports statically (what loads before it runs). */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, seen);
  return seen;
}

function files(keys, kind) {
  const result = new Set();
  for (const key of keys) {
    const chunk = manifest[key];
    if (kind === 'js' && chunk.file.endsWith('.js')) result.add(chunk.file);
    if (kind === 'css') for (const css of chunk.css ?? []) result.add(css);
    if (kind === 'css' && chunk.file.endsWith('.css')) result.add(chunk.file);
  }
  return [...result];
}

function total(fileList) {
  return fileList.reduce((sum, file) => ({ raw: sum.raw + size(file).raw, gzip: sum.gzip + size(file).gzip }), { raw: 0, gzip: 0 });
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const rows = [];
function row(label, fileList, note = '') {
  const { raw, gzip } = total(fileList);
  rows.push([label, kB(raw), kB(gzip), note || `${fileList.length} file${fileList.length === 1 ? '' : 's'}`]);
  return { raw, gzip };
}

const entryKey = 'index.html' in manifest ? 'index.html' : Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error(`No entry in ${manifestPath}.`);
  process.exit(1);
}
const initialKeys = staticClosure(entryKey);
const initialJsFiles = files(initialKeys, 'js');
const initialCssFiles = files(initialKeys, 'css');
const initialJs = row('initial JS (search page)', initialJsFiles);
row('initial CSS', initialCssFiles);

const lazyKeys = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry).sort();
for (const key of lazyKeys) {
  // What following a link to this chunk downloads once the search page is loaded.
  const added = [...staticClosure(key)].filter((k) => !initialKeys.has(k));
  const js = files(added, 'js');
  const css = files(added, 'css').filter((file) => !initialCssFiles.includes(file));
  const { raw, gzip } = total(js);
  const cssTotal = total(css);
  rows.push([`lazy ${key}`, kB(raw), kB(gzip), css.length ? `+ CSS ${kB(cssTotal.raw)} / ${kB(cssTotal.gzip)} gzip` : '']);
}

const headers = ['chunk', 'raw', 'gzip -9', ''];
const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\nClient bundle (${path.relative(process.cwd(), distDir) || '.'}, 1 kB = 1000 bytes)\n`);
console.log(line(headers));
for (const r of rows) console.log(line(r));

const over = initialJs.gzip >= BUDGET_BYTES;
console.log(`\nBudget: initial JS of the search page < ${kB(BUDGET_BYTES)} gzipped: ${kB(initialJs.gzip)} — ${over ? 'OVER' : 'OK'}\n`);
if (over && process.argv.includes('--check')) process.exit(1);
