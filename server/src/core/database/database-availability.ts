import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connectionFailureReason } from './connection-failure.js';

/** `Retry-After` of the answers refused while the database is unreachable, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Throws when the database cannot be reached. */
export type DatabaseProbe = () => Promise<void>;

/** Where the two lines of an outage go. */
export interface OutageLog {
  outage(line: string): void;
  recovery(line: string): void;
}

export interface DatabaseAvailabilityOptions {
  /** Default: stderr when it starts, stdout when it ends. */
  log?: OutageLog;
  /** How long a readiness answer is reused, in ms (default 1 000). */
  readinessCacheMs?: number;
  /** Between two probes while the database is unreachable, in ms (default 500). */
  recoveryProbeIntervalMs?: number;
}

const DEFAULT_LOG: OutageLog = {
  outage: (line: string) => console.warn(line),
  recovery: (line: string) => console.log(line),
};

/**
 * Whether PostgreSQL can be reached, as the HTTP layer needs to know it. A connection failure
 * seen anywhere (a request, the pool) is checked at once with a probe on a connection of its
 * own (so that a busy pool or one killed backend is not taken for an outage); when the probe
 * fails too the outage starts: one log line, requests are refused with 503 at once (no queue
 * of waiting requests, no stack per request), and a probe every 500 ms sees the database back
 * (one log line with the duration and the number of refused requests).
 */
export class DatabaseAvailability {
  private state: 'up' | 'checking' | 'down' = 'up';
  /** The failures being checked, then the outage: since when, why, how many requests were refused. */
  private incident: { since: number; reason: string; refused: number } | null = null;
  private probing: Promise<boolean> | null = null;
  private lastProbe: { at: number; reachable: boolean } | null = null;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly log: OutageLog;
  private readonly readinessCacheMs: number;
  private readonly recoveryProbeIntervalMs: number;

  constructor(
    private readonly probe: DatabaseProbe,
    options: DatabaseAvailabilityOptions = {},
  ) {
    this.log = options.log ?? DEFAULT_LOG;
    this.readinessCacheMs = options.readinessCacheMs ?? 1000;
    this.recoveryProbeIntervalMs = options.recoveryProbeIntervalMs ?? 500;
  }

  /** True from the probe that found the database unreachable until the one that finds it back. */
  get down(): boolean {
    return this.state === 'down';
  }

  /**
   * Takes note of a failure: true when it is a connection failure (the request that met it is
   * to be answered 503 and is counted), false for any other error.
   */
  reportFailure(error: unknown): boolean {
    const reason = connectionFailureReason(error);
    if (reason === null) return false;
    if (this.incident) {
      this.incident.refused += 1;
    } else {
      this.incident = { since: Date.now(), reason, refused: 1 };
      this.state = 'checking';
      void this.check().then((reachable) => {
        // A failure of its own (a killed backend, a pool busy for a moment): no outage.
        if (reachable && this.state === 'checking') {
          this.state = 'up';
          this.incident = null;
        }
      });
    }
    return true;
  }

  /** Counts a request refused because the database is known to be down. */
  reportRefused(): void {
    if (this.incident) this.incident.refused += 1;
  }

  /** Whether the database answers, probed at most once per `readinessCacheMs` (readiness checks). */
  async reachable(): Promise<boolean> {
    if (this.state === 'down') return false;
    if (this.lastProbe && Date.now() - this.lastProbe.at < this.readinessCacheMs) return this.lastProbe.reachable;
    return this.check();
  }

  /** Stops the recovery probes (server shutdown). */
  close(): void {
    this.closed = true;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
  }

  /** One probe at a time; a failed one starts the outage (if none is going on). */
  private check(): Promise<boolean> {
    this.probing ??= this.probe()
      .then(
        () => true,
        (error: unknown) => {
          this.startOutage(connectionFailureReason(error) ?? String((error as Error)?.message ?? error));
          return false;
        },
      )
      .then((reachable) => {
        this.lastProbe = { at: Date.now(), reachable };
        this.probing = null;
        return reachable;
      });
    return this.probing;
  }

  private startOutage(reason: string): void {
    if (this.state === 'down') return;
    this.state = 'down';
    this.incident ??= { since: Date.now(), reason, refused: 0 };
    this.log.outage(
      `[database] unreachable (${this.incident.reason}): requests are answered 503 SERVICE_UNAVAILABLE until it is back`,
    );
    this.scheduleRecoveryProbe();
  }

  private scheduleRecoveryProbe(): void {
    if (this.closed) return;
    this.recoveryTimer = setTimeout(async () => {
      if (await this.probeAgain()) this.endOutage();
      else this.scheduleRecoveryProbe();
    }, this.recoveryProbeIntervalMs);
    this.recoveryTimer.unref();
  }

  private async probeAgain(): Promise<boolean> {
    try {
      await this.probe();
      this.lastProbe = { at: Date.now(), reachable: true };
      return true;
    } catch {
      return false;
    }
  }

  private endOutage(): void {
    const incident = this.incident!;
    this.state = 'up';
    this.incident = null;
    const seconds = ((Date.now() - incident.since) / 1000).toFixed(1);
    this.log.recovery(`[database] reachable again after ${seconds} s; ${incident.refused} requests were answered 503 SERVICE_UNAVAILABLE`);
  }
}

/**
 * `SELECT 1` on a connection of its own (not the pool's: a busy pool is not an outage),
 * within `timeoutMs` for connecting and as much for the answer.
 */
export function connectionProbe(db: DataSource, timeoutMs = 1000): DatabaseProbe {
  const { url } = db.options as { url?: string };
  return async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'achat-inclusif probe',
    });
    // A connection cut after connecting is reported by the query; without a listener it would crash the process.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  };
}
