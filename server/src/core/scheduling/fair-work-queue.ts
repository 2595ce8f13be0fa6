import { performance } from 'node:perf_hooks';

/** How fast a client's past use is forgotten: after this long, half of it counts. */
const USAGE_HALF_LIFE_MS = 2_000;

interface Pending {
  run: () => void;
}

interface ClientState {
  /** Milliseconds of work, decayed (USAGE_HALF_LIFE_MS) to `at`. */
  usage: number;
  at: number;
  pending: Pending[];
}

/**
 * Shares one event loop fairly between clients doing CPU-bound work (searches in the
 * directory index). Without it, one client that sends many heavy requests at once queues
 * seconds of synchronous work ahead of everyone else's searches, rate limits
 * notwithstanding (they bound work per minute, not per instant).
 *
 * Work runs one unit at a time (a unit: one synchronous piece, e.g. one search's page or
 * facets). Between units the queue yields to the event loop (setImmediate), so that new
 * requests are read and queued, and the next unit goes to the waiting client that used the
 * least work lately (decayed usage, like a fair-share CPU scheduler): a buyer's search waits
 * for at most the unit already running, however much a greedy client has queued.
 */
export class FairWorkQueue {
  private readonly clients = new Map<string, ClientState>();
  private busy = false;
  private waiting = 0;

  /** Units queued and not yet run. */
  get queued(): number {
    return this.waiting;
  }

  /** Runs `work` on `client`'s turn; an idle queue runs it at once. */
  run<T>(client: string, work: () => T): Promise<Awaited<T>> {
    return new Promise<Awaited<T>>((resolve, reject) => {
      const run = () => {
        const started = performance.now();
        try {
          // A promise's synchronous part runs here; its rejection reaches the caller through `resolve`.
          resolve(work() as Awaited<T>);
        } catch (error) {
          reject(error);
        } finally {
          this.charge(client, performance.now() - started);
        }
      };
      if (!this.busy) {
        this.busy = true;
        run();
        this.yieldThenNext();
        return;
      }
      this.stateOf(client).pending.push({ run });
      this.waiting += 1;
    });
  }

  private yieldThenNext(): void {
    setImmediate(() => {
      const next = this.leastUsedWaiting();
      if (!next) {
        this.busy = false;
        return;
      }
      this.waiting -= 1;
      next.pending.shift()!.run();
      this.yieldThenNext();
    });
  }

  private leastUsedWaiting(): ClientState | null {
    const now = performance.now();
    let best: ClientState | null = null;
    for (const [client, state] of this.clients) {
      if (state.pending.length === 0) {
        // Forget clients whose use has decayed to nothing: the map stays the size of the active clients.
        if (this.decayed(state, now) < 0.5) this.clients.delete(client);
        continue;
      }
      if (!best || this.decayed(state, now) < this.decayed(best, now)) best = state;
    }
    return best;
  }

  private charge(client: string, milliseconds: number): void {
    const state = this.stateOf(client);
    const now = performance.now();
    state.usage = this.decayed(state, now) + milliseconds;
    state.at = now;
  }

  private decayed(state: ClientState, now: number): number {
    return state.usage * 2 ** (-(now - state.at) / USAGE_HALF_LIFE_MS);
  }

  private stateOf(client: string): ClientState {
    let state = this.clients.get(client);
    if (!state) {
      state = { usage: 0, at: performance.now(), pending: [] };
      this.clients.set(client, state);
    }
    return state;
  }
}
