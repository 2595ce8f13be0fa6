import { describe, expect, it, vi } from 'vitest';
import { DatabaseAvailability } from './database-availability.js';

/** The outage state machine, with a probe the test answers. */

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function monitor(reachable: { value: boolean }) {
  const lines: string[] = [];
  const probe = vi.fn(async () => {
    if (!reachable.value) throw refused();
  });
  const availability = new DatabaseAvailability(probe, {
    log: { outage: (line) => lines.push(line), recovery: (line) => lines.push(line) },
    recoveryProbeIntervalMs: 20,
    readinessCacheMs: 50,
  });
  return { availability, probe, lines };
}

describe('DatabaseAvailability', () => {
  it('ignores errors that are not connection failures', () => {
    const { availability, probe } = monitor({ value: true });
    expect(availability.reportFailure(new Error('duplicate key'))).toBe(false);
    expect(probe).not.toHaveBeenCalled();
    availability.close();
  });

  it('takes a failure whose probe succeeds for no outage: no line, nothing refused', async () => {
    const { availability, probe, lines } = monitor({ value: true });
    expect(availability.reportFailure(refused())).toBe(true);
    await settle();
    expect(probe).toHaveBeenCalledTimes(1);
    expect(availability.down).toBe(false);
    expect(lines).toEqual([]);
    availability.close();
  });

  it('logs one line when the probe confirms the outage and one when a probe finds the database back, with the duration and the count', async () => {
    const reachable = { value: false };
    const { availability, lines } = monitor(reachable);
    for (let request = 0; request < 50; request += 1) availability.reportFailure(refused());
    await settle();
    expect(availability.down).toBe(true);
    for (let request = 0; request < 25; request += 1) availability.reportRefused();
    expect(await availability.reachable()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines).toEqual(['[database] unreachable (ECONNREFUSED): requests are answered 503 SERVICE_UNAVAILABLE until it is back']);

    reachable.value = true;
    await vi.waitFor(() => expect(availability.down).toBe(false), { timeout: 1000, interval: 10 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\[database\] reachable again after \d+\.\d s; 75 requests were answered 503 SERVICE_UNAVAILABLE$/);
    expect(await availability.reachable()).toBe(true);
    availability.close();
  });

  it('answers readiness from a probe at most once per cache period, and a failed readiness probe starts the outage', async () => {
    const reachable = { value: true };
    const { availability, probe, lines } = monitor(reachable);
    expect(await availability.reachable()).toBe(true);
    expect(await availability.reachable()).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    reachable.value = false;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await availability.reachable()).toBe(false);
    expect(availability.down).toBe(true);
    expect(lines).toHaveLength(1);
    availability.close();
  });
});
