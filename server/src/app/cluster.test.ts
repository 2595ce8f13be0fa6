import { describe, expect, it } from 'vitest';
import { restartDelayMs } from './cluster.js';

// The cluster itself runs in test/src/cluster.test.ts, against the built server.
describe('replacing a dead worker', () => {
  it('waits a quarter of a second, then twice as long after each quick exit in a row, up to 30 s', () => {
    expect([0, 1, 2, 3, 4].map(restartDelayMs)).toEqual([250, 500, 1000, 2000, 4000]);
    expect(restartDelayMs(7)).toBe(30_000);
    expect(restartDelayMs(50)).toBe(30_000);
  });
});
