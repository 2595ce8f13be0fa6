import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { FairWorkQueue } from '../../../core/scheduling/fair-work-queue.js';
import { withoutSqlStatistics } from '../../../core/database/sql-statistics.js';
import { DirectoryIndex, type IndexedSupplierRow } from './directory-index.js';
import { CATEGORY_LEXEMES_SQL, CHANGES_SINCE_SQL, indexedRowsSql, PRUNE_CHANGES_SQL, type ChangesSince } from './directory-index.sql.js';
import { TextIndexBuilder, type TextIndex } from './text-index.js';
import type { TextTerm } from '../text-query.js';

/** More changed suppliers than this at once (an import): reload in full, in the background. */
const DEFAULT_MAX_CHANGES_CAUGHT_UP = 5_000;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const LOAD_BATCH_SIZE = 5_000;

/**
 * Keeps the directory index current (modules/search/README.md, "Directory index"). A request
 * asks for the index at the directory version it read: the index catches up from the change
 * log first (a few rows, a few milliseconds), so a search sees every write committed before
 * it. Until the first load ends, and while an import's changes are reloaded, searches run
 * in SQL.
 */
export class DirectoryIndexService {
  private index: DirectoryIndex | null = null;
  private loading: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  private lastPrune = 0;
  /** Searches in the index are synchronous CPU work: the queue shares them fairly between clients. */
  readonly workQueue = new FairWorkQueue();
  /** Categories' names and keywords as text (slot n: category ids[n]); the taxonomy only changes at start. */
  private categoryText: { index: TextIndex; ids: number[] } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly log: (message: string) => void = () => {},
    private readonly maxChangesCaughtUp = DEFAULT_MAX_CHANGES_CAUGHT_UP,
  ) {}

  /** Whether an index is held (current or catching up). */
  get loaded(): boolean {
    return this.index !== null;
  }

  /** Starts a full load (if none is running); resolves when it has ended, loaded or failed. */
  load(): Promise<void> {
    this.loading ??= withoutSqlStatistics(() => this.loadAll())
      .catch((error: unknown) => this.log(`Directory index: load failed, searches run in SQL (${String(error)})`))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** The index holding every change up to `version`, or null: search in SQL. */
  async indexAt(version: string): Promise<DirectoryIndex | null> {
    const wanted = Number(version);
    if (!this.index) {
      void this.load();
      return null;
    }
    // A catch-up already running may have read the log before this version committed. While a
    // full reload runs (an import's changes, a rebuild), searches needing newer changes run in
    // SQL rather than wait for it.
    for (let attempt = 0; attempt < 2 && this.index.version < wanted && !this.loading; attempt += 1) {
      await (this.catchingUp ??= this.catchUp().finally(() => (this.catchingUp = null)));
    }
    return this.index.version >= wanted ? this.index : null;
  }

  /** Categories whose name or keywords match every term; null until the first load. */
  categoriesMatching(terms: readonly TextTerm[]): number[] | null {
    if (!this.categoryText) return null;
    const { index, ids } = this.categoryText;
    return index.match(terms).array().map((slot) => ids[slot]);
  }

  /** Waits for a load in progress, so that the database can stop. */
  async close(): Promise<void> {
    await Promise.allSettled([this.loading, this.catchingUp]);
  }

  private async loadAll(): Promise<void> {
    const started = performance.now();
    // One snapshot for the version and the rows: the index holds exactly that version. Rows
    // come in batches, each dropped once indexed: a whole directory of rows would weigh
    // several times the index.
    const index = await this.db.transaction('REPEATABLE READ', async (manager) => {
      const [{ version, published }] = await manager.query<{ version: string; published: number }[]>(
        'SELECT version::text, (SELECT count(*)::int FROM supplier_search WHERE published) AS published FROM directory_version',
      );
      const loading = new DirectoryIndex(Number(version), published);
      for (let after = 0; ; ) {
        const rows = await manager.query<IndexedSupplierRow[]>(indexedRowsSql('batch'), [after, LOAD_BATCH_SIZE]);
        loading.load(rows);
        if (rows.length < LOAD_BATCH_SIZE) break;
        after = rows[rows.length - 1].supplier_id;
      }
      loading.seal();
      const categories = await manager.query<{ id: number; lexemes: string }[]>(CATEGORY_LEXEMES_SQL);
      const builder = new TextIndexBuilder();
      for (const category of categories) builder.add(category.lexemes);
      this.categoryText = { index: builder.build(), ids: categories.map((category) => category.id) };
      return loading;
    });
    // Should catch-ups have brought the index in place further meanwhile, this one catches up on the next search.
    this.index = index;
    this.log(`Directory index: ${index.liveCount} suppliers loaded in ${Math.round(performance.now() - started)} ms`);
  }

  private async catchUp(): Promise<void> {
    const index = this.index!;
    const [changes] = await this.db.query<ChangesSince[]>(CHANGES_SINCE_SQL, [index.version, this.maxChangesCaughtUp]);
    if (changes.reset || Number(changes.pruned_through) > index.version || changes.ids === null) {
      void this.load();
      return;
    }
    const rows = changes.ids.length > 0 ? await this.db.query<IndexedSupplierRow[]>(indexedRowsSql('ids'), [changes.ids]) : [];
    // A full load that ended meanwhile replaced this index: it catches up on the next search.
    if (this.index !== index) return;
    index.apply(changes.ids, rows, Number(changes.version));
    // Retired slots are only ever skipped, added ones sit in the text deltas: rebuild when they weigh.
    const rebuildPast = Math.max(10_000, index.liveCount / 4);
    if (index.deadSlots > rebuildPast || index.slotCount - index.sealedSlotCount > rebuildPast) void this.load();
    this.pruneNowAndThen();
  }

  private pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_INTERVAL_MS) return;
    this.lastPrune = now;
    withoutSqlStatistics(() => this.db.query(PRUNE_CHANGES_SQL)).catch((error: unknown) =>
      this.log(`Directory index: pruning the change log failed (${String(error)})`),
    );
  }
}
