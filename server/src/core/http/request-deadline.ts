import type { RequestHandler } from 'express';
import { requestTimedOut } from '../graphql/errors.js';
import { sendError } from './error-response.js';

/**
 * The time limit of a request: past `timeoutMs` the client gets 503 TIMEOUT at once, and the
 * handler, finding the response already sent, drops its late answer (graphql-handler.ts).
 * The work is not interrupted: PostgreSQL's statement timeout (the same limit, on the
 * server's connections) ends any statement still running, and `drained()` waits for such
 * work at shutdown.
 */
export class RequestDeadline {
  private readonly running = new Set<Promise<unknown>>();

  constructor(readonly timeoutMs: number) {}

  middleware(): RequestHandler {
    return (_request, response, next) => {
      const timer = setTimeout(() => {
        if (response.headersSent) return;
        const { message, extensions } = requestTimedOut(this.timeoutMs);
        sendError(response, 503, extensions.code, message, extensions);
      }, this.timeoutMs);
      response.on('close', () => clearTimeout(timer));
      next();
    };
  }

  /** Keeps `work` in sight until it settles, even when the deadline answered first. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves when every tracked piece of work has settled (shutdown). */
  async drained(): Promise<void> {
    await Promise.allSettled(this.running);
  }
}
