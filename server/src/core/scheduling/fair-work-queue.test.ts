import { describe, expect, it } from 'vitest';
import { FairWorkQueue } from './fair-work-queue.js';

/** Busy work of about `milliseconds` (the queue measures real time). */
function spin(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
}

describe('FairWorkQueue', () => {
  it('runs an idle queue’s work at once, and returns its result or error', async () => {
    const queue = new FairWorkQueue();
    expect(await queue.run('a', () => 42)).toBe(42);
    expect(await queue.run('a', async () => 'async')).toBe('async');
    await expect(queue.run('a', () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
  });

  it('gives the next turn to the client that used the least work lately', async () => {
    const queue = new FairWorkQueue();
    const order: string[] = [];
    const greedy = Array.from({ length: 10 }, (_unused, unit) =>
      queue.run('greedy', () => {
        spin(5);
        order.push(`greedy ${unit}`);
      }),
    );
    // Arrives while the greedy client's first unit runs and nine more wait.
    const light = new Promise<void>((resolve) => setImmediate(resolve)).then(() => queue.run('light', () => order.push('light')));
    await Promise.all([...greedy, light]);
    expect(order.indexOf('light')).toBeLessThanOrEqual(2);
    expect(order.filter((entry) => entry.startsWith('greedy'))).toEqual(Array.from({ length: 10 }, (_unused, unit) => `greedy ${unit}`));
    expect(queue.queued).toBe(0);
  });

  it('lets other callbacks of the event loop run between units', async () => {
    const queue = new FairWorkQueue();
    let timerRanAt = -1;
    let units = 0;
    setTimeout(() => (timerRanAt = units), 0);
    await Promise.all(Array.from({ length: 20 }, () => queue.run('a', () => (spin(2), (units += 1)))));
    expect(timerRanAt).toBeGreaterThan(0);
    expect(timerRanAt).toBeLessThan(20);
  });
});
