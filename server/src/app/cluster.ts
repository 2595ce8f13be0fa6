import cluster, { type Worker } from 'node:cluster';

/**
 * Cluster mode (SERVER_WORKERS > 1). The primary process prepares the database once
 * (migrations, reference and demo data), runs the account cleanup, keeps the in-memory
 * rate-limit counters (core/rate-limit/limiter-store.ts), and forks the workers; each worker
 * opens its own pool, loads its own directory index and serves HTTP on the shared port (the
 * primary hands each new connection to the next worker in turn). The workers are forked at
 * once and load the server's modules while the database starts and is prepared; they ask
 * for its address and get it once it is ready. A worker that dies is replaced; on
 * SIGINT/SIGTERM the primary asks every worker to drain and waits for them before it closes
 * the database.
 */

export type Log = (message: string) => void;

/** Set by the primary in the environment of its workers: tells them apart from any other cluster's. */
const WORKER_ENV = 'ACHAT_INCLUSIF_SERVER_WORKER';

/** Primary → worker: stop taking requests, finish those running, close and exit 0. */
export const DRAIN = 'achat-inclusif:drain';
/** Worker → primary: which database? Answered with DATABASE once it is prepared. */
export const DATABASE_WANTED = 'achat-inclusif:database-wanted';
/** Primary → worker: the prepared database's address. */
export const DATABASE = 'achat-inclusif:database';
/** Worker → primary: listening. */
export const READY = 'achat-inclusif:ready';

/** Worker → primary: have the other workers write their API usage counts; answered with USAGE_FLUSHED. */
export const USAGE_FLUSH_WANTED = 'achat-inclusif:usage-flush-wanted';
/** Primary → worker: write your pending API usage counts, then answer USAGE_FLUSHED. */
export const FLUSH_USAGE = 'achat-inclusif:flush-usage';
/** Worker → primary: written; primary → asking worker: every other worker has written (or was too slow). */
export const USAGE_FLUSHED = 'achat-inclusif:usage-flushed';

interface UsageMessage {
  type: typeof USAGE_FLUSH_WANTED | typeof FLUSH_USAGE | typeof USAGE_FLUSHED;
  id: number;
}

/** Longest wait for the other workers' usage counts: the key list is shown anyway after it. */
const USAGE_FLUSH_TIMEOUT_MS = 2_000;

export interface DatabaseMessage {
  type: typeof DATABASE;
  url: string;
}

export interface ReadyMessage {
  type: typeof READY;
  port: number;
  /** Where mail goes, for the primary's start log. */
  mail: string;
}

const isMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/** Whether this process is a worker forked by this server's primary. */
export function isServerWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_ENV] === '1';
}

export const isDrainMessage = (message: unknown) => isMessage(message, DRAIN);

/** In a worker: asks the primary for the database's address, which it gives once the database is prepared. */
export function databaseFromPrimary(): Promise<string> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if (!isMessage<DatabaseMessage>(message, DATABASE)) return;
      process.off('message', listener);
      resolve(message.url);
    };
    process.on('message', listener);
    process.send!({ type: DATABASE_WANTED });
  });
}

/**
 * In a worker: answers the primary's FLUSH_USAGE by writing `usage`, and returns how to
 * have the other workers write theirs (a key's calls are counted by whichever worker
 * served them).
 */
export function shareUsageFlushes(usage: { flush(): Promise<void> }): () => Promise<void> {
  let lastId = 0;
  const waiting = new Map<number, () => void>();
  process.on('message', (message: unknown) => {
    if (isMessage<UsageMessage>(message, FLUSH_USAGE)) {
      // A failed write keeps its counts for the next one and is logged by the recorder's timer.
      void usage
        .flush()
        .catch(() => {})
        .finally(() => process.connected && process.send!({ type: USAGE_FLUSHED, id: message.id } satisfies UsageMessage));
    } else if (isMessage<UsageMessage>(message, USAGE_FLUSHED)) {
      waiting.get(message.id)?.();
    }
  });
  return () =>
    new Promise<void>((resolve) => {
      const id = (lastId += 1);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, USAGE_FLUSH_TIMEOUT_MS);
      waiting.set(id, done);
      if (process.connected) process.send!({ type: USAGE_FLUSH_WANTED, id } satisfies UsageMessage);
      else done();
    });
}

/** A worker that ran this long before it died was not crash-looping: it is replaced at once. */
const STABLE_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 30_000;

/** Wait before replacing a worker, after `quickExits` exits in a row each soon after its start. */
export function restartDelayMs(quickExits: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** quickExits);
}

interface Slot {
  worker: Worker;
  startedAt: number;
  exited: Promise<void>;
  /** Exits in a row, each within STABLE_AFTER_MS of its start. */
  quickExits: number;
  restart?: NodeJS.Timeout;
}

export interface WorkerPoolOptions {
  count: number;
  log: Log;
  /** Longest wait for a worker to drain at shutdown, then it is killed. */
  drainTimeoutMs: number;
}

/** The primary's workers: forks them, replaces those that die (with backoff), drains them at shutdown. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private stopping = false;
  private starting: { resolve: (ready: ReadyMessage) => void; reject: (error: Error) => void; ready: number } | null = null;
  private databaseUrl: string | null = null;
  /** Workers that asked for the database before it was ready. */
  private readonly waiting = new Set<Worker>();
  private lastUsageFlushId = 0;
  /** Usage flushes under way: the workers yet to answer, and the call that answers the asking worker. */
  private readonly usageFlushes = new Map<number, { left: Set<Worker>; answer: () => void }>();

  constructor(private readonly options: WorkerPoolOptions) {}

  /**
   * Forks every worker; resolves when all listen (after `provideDatabase`), rejects if one
   * exits first (its output says why). The promise may be awaited later: its rejection is
   * never unhandled meanwhile.
   */
  start(): Promise<ReadyMessage> {
    const started = new Promise<ReadyMessage>((resolve, reject) => {
      this.starting = { resolve, reject, ready: 0 };
      for (let index = 0; index < this.options.count; index += 1) this.slots.push(this.fork());
    });
    started.catch(() => {});
    return started;
  }

  /** The database is prepared: its address goes to the workers that asked, and to those that will. */
  provideDatabase(url: string): void {
    this.databaseUrl = url;
    for (const worker of this.waiting) this.sendDatabase(worker);
    this.waiting.clear();
  }

  /** Asks every worker to drain and waits for their exits (killing those past the drain timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) {
      clearTimeout(slot.restart);
      if (slot.worker.isConnected()) slot.worker.send({ type: DRAIN });
    }
    const all = Promise.all(this.slots.map((slot) => slot.exited));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.options.drainTimeoutMs)));
    if ((await Promise.race([all, late])) === 'late') {
      for (const { worker } of this.slots) {
        if (worker.process.exitCode !== null || worker.process.signalCode !== null) continue;
        this.options.log(`Worker ${worker.id} still busy after ${this.options.drainTimeoutMs / 1000} s: killed`);
        worker.process.kill('SIGKILL');
      }
      await all;
    }
    clearTimeout(timer);
  }

  /** Has every worker but `asker` write its usage counts, then answers `asker`. */
  private flushUsage(asker: Worker, askerId: number): void {
    const id = (this.lastUsageFlushId += 1);
    const left = new Set(this.slots.map((slot) => slot.worker).filter((worker) => worker !== asker && worker.isConnected()));
    const answer = () => {
      clearTimeout(timer);
      this.usageFlushes.delete(id);
      if (asker.isConnected()) asker.send({ type: USAGE_FLUSHED, id: askerId } satisfies UsageMessage);
    };
    const timer = setTimeout(answer, USAGE_FLUSH_TIMEOUT_MS);
    this.usageFlushes.set(id, { left, answer });
    for (const worker of left) worker.send({ type: FLUSH_USAGE, id } satisfies UsageMessage);
    if (left.size === 0) answer();
  }

  private usageFlushed(worker: Worker, id: number): void {
    const flush = this.usageFlushes.get(id);
    if (!flush) return;
    flush.left.delete(worker);
    if (flush.left.size === 0) flush.answer();
  }

  private sendDatabase(worker: Worker): void {
    if (worker.isConnected()) worker.send({ type: DATABASE, url: this.databaseUrl! } satisfies DatabaseMessage);
  }

  private fork(previous?: Slot): Slot {
    const worker = cluster.fork({ [WORKER_ENV]: '1' });
    const slot: Slot = {
      worker,
      startedAt: Date.now(),
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
      quickExits: previous?.quickExits ?? 0,
    };
    worker.on('message', (message: unknown) => {
      if (isMessage(message, DATABASE_WANTED)) {
        if (this.databaseUrl) this.sendDatabase(worker);
        else this.waiting.add(worker);
        return;
      }
      if (isMessage<UsageMessage>(message, USAGE_FLUSH_WANTED)) return this.flushUsage(worker, message.id);
      if (isMessage<UsageMessage>(message, USAGE_FLUSHED)) return this.usageFlushed(worker, message.id);
      if (!isMessage<ReadyMessage>(message, READY)) return;
      if (this.starting) {
        if ((this.starting.ready += 1) === this.options.count) {
          this.starting.resolve(message);
          this.starting = null;
        }
      } else {
        this.options.log(`Worker ${worker.id} (pid ${worker.process.pid}) serves requests`);
      }
    });
    // A late answer to a worker that has just died (IPC closed): its exit is handled below.
    worker.on('error', () => {});
    worker.once('exit', (code, signal) => this.exited(slot, code, signal));
    return slot;
  }

  private exited(slot: Slot, code: number | null, signal: string | null): void {
    const { worker } = slot;
    this.waiting.delete(worker);
    for (const id of this.usageFlushes.keys()) this.usageFlushed(worker, id);
    if (this.stopping) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (this.starting) {
      this.starting.reject(new Error(`worker ${worker.id} exited during start (${how})`));
      this.starting = null;
      return;
    }
    slot.quickExits = Date.now() - slot.startedAt >= STABLE_AFTER_MS ? 0 : slot.quickExits + 1;
    const delay = restartDelayMs(slot.quickExits);
    this.options.log(`Worker ${worker.id} (pid ${worker.process.pid}) exited (${how}): starting another in ${(delay / 1000).toFixed(1)} s`);
    slot.restart = setTimeout(() => {
      if (this.stopping) return;
      this.slots[this.slots.indexOf(slot)] = this.fork(slot);
    }, delay);
  }
}
