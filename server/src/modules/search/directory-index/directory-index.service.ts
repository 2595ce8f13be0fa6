import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { FairWorkQueue } from '../../../core/scheduling/fair-work-queue.js';
import { withoutSqlStatistics } from '../../../core/database/sql-statistics.js';
import { directoryIndexLoading } from '../search.errors.js';
import { DirectoryIndex, type IndexedSupplierRow } from './directory-index.js';
import { CHANGES_SINCE_SQL, indexedRowsSql, PRUNE_CHANGES_SQL, VERSION_AND_WORDS_SQL, type ChangesSince } from './directory-index.sql.js';
import { CardCache } from './card-cache.js';
import { DirectoryReference } from './directory-reference.js';
import { splitLexemes } from './text-index.js';

/** More changed suppliers than this at once (an import): reload in full, in the background. */
const DEFAULT_MAX_CHANGES_CAUGHT_UP = 5_000;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const LOAD_BATCH_SIZE = 5_000;
/** How long a search waits for a load (the first, or a full reload it needs) before doing without. */
const DEFAULT_MAX_WAIT_MS = 2_000;
/** What a search refused while the first load runs is told to wait. */
const RETRY_AFTER_SECONDS = 5;
/** Texts whose words were stemmed lately (they do not depend on the directory). */
const WORD_CACHE_SIZE = 5_000;
/** Suppliers whose cards are kept for result pages (a few KiB each: tens of MiB at most). */
const CARD_CACHE_SIZE = 5_000;

/** A token of a buyer's text as PostgreSQL's parser cut it, with its lexemes (none: a stop word). */
export interface ParsedToken {
  token: string;
  lexemes: string[];
}

/** What a supplier search needs before it runs: the index current with the request, and its words. */
export interface SearchStart {
  index: DirectoryIndex;
  reference: DirectoryReference;
  /** The tokens of the text (none without text). */
  tokens: ParsedToken[];
}

/**
 * Keeps the directory index current (modules/search/README.md, "One engine"). Supplier
 * searches run only there: a request reads the directory version (one statement, which also
 * stems its text), and the index catches up from the change log first (a few rows, a few
 * milliseconds), so a search sees every write committed before it. Until the first load
 * ends, a search waits for it for a while, then is refused (SERVICE_UNAVAILABLE, retry).
 */
export class DirectoryIndexService {
  private index: DirectoryIndex | null = null;
  private reference: DirectoryReference | null = null;
  private loading: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  private lastPrune = 0;
  private readonly words = new LRUCache<string, ParsedToken[]>({ max: WORD_CACHE_SIZE });
  /** Searches in the index are synchronous CPU work: the queue shares them fairly between clients. */
  readonly workQueue = new FairWorkQueue();
  /** The cards of result pages (supplier-search.service.ts), following the same changes as the index. */
  readonly cards = new CardCache(CARD_CACHE_SIZE);

  constructor(
    private readonly db: DataSource,
    private readonly log: (message: string) => void = () => {},
    private readonly maxChangesCaughtUp = DEFAULT_MAX_CHANGES_CAUGHT_UP,
    private readonly maxWaitMs = DEFAULT_MAX_WAIT_MS,
  ) {}

  /** Whether an index is held (current or catching up). */
  get loaded(): boolean {
    return this.index !== null;
  }

  /** The reference data of the index held (taxonomy, territories, buyer vocabulary); null before the first load. */
  get referenceData(): DirectoryReference | null {
    return this.reference;
  }

  /** Starts a full load (if none is running); resolves when it has ended, loaded or failed. */
  load(): Promise<void> {
    this.loading ??= withoutSqlStatistics(() => this.loadAll())
      .catch((error: unknown) => this.log(`Directory index: load failed, supplier searches wait for the next attempt (${String(error)})`))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /**
   * Everything a supplier search needs before it runs: the reference data (waiting for the
   * first load, at most `maxWaitMs`: SERVICE_UNAVAILABLE after), the directory version and
   * the text's tokens (one statement; none when the text's words were stemmed lately), and
   * the index holding every change up to that version.
   */
  async start(text: string | null): Promise<SearchStart> {
    if (!this.index) {
      void this.load();
      await this.waitForLoad();
      if (!this.index) throw directoryIndexLoading(RETRY_AFTER_SECONDS);
    }
    const cached = text === null ? [] : this.words.get(text);
    const [row] = await this.db.query<{ version: string; words: [string, string][] | null }[]>(VERSION_AND_WORDS_SQL, [
      cached ? null : text,
    ]);
    const tokens = cached ?? (row.words ?? []).map(([token, lexemes]) => ({ token, lexemes: splitLexemes(lexemes) }));
    if (text !== null && !cached) this.words.set(text, tokens);
    const index = await this.indexAt(row.version);
    return { index, reference: this.reference!, tokens };
  }

  /**
   * The index holding every change up to `version`: caught up from the change log first. While
   * a full reload runs (an import's changes, the log pruned past the index, a truncation),
   * waits for it at most `maxWaitMs`, then answers with the index held, as of its version.
   */
  async indexAt(version: string): Promise<DirectoryIndex> {
    const wanted = Number(version);
    if (!this.index) {
      void this.load();
      await this.waitForLoad();
      if (!this.index) throw directoryIndexLoading(RETRY_AFTER_SECONDS);
    }
    // A catch-up already running may have read the log before this version committed.
    for (let attempt = 0; attempt < 3 && this.index.version < wanted; attempt += 1) {
      if (this.loadRunning) {
        await this.waitForLoad();
        if (this.loadRunning) break;
        continue;
      }
      // Maintenance of the index, shared by the requests waiting for it: not counted as theirs.
      await (this.catchingUp ??= withoutSqlStatistics(() => this.catchUp()).finally(() => (this.catchingUp = null)));
    }
    return this.index;
  }

  private get loadRunning(): boolean {
    return this.loading !== null;
  }

  /** Waits for the load in progress, at most `maxWaitMs`. */
  private async waitForLoad(): Promise<void> {
    if (!this.loading) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.loading, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.maxWaitMs)))]);
    clearTimeout(timer);
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
    const { index, reference } = await this.db.transaction('REPEATABLE READ', async (manager) => {
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
      return { index: loading, reference: await DirectoryReference.load(manager) };
    });
    // Should catch-ups have brought the index in place further meanwhile, this one catches up on the next search.
    this.reference = reference;
    this.index = index;
    this.cards.clear();
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
    this.cards.forget(changes.ids);
    // Retired slots are only ever skipped, added ones sit in the text delta: rebuild when they weigh.
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
