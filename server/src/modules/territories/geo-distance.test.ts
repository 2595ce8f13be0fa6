import { describe, expect, it } from 'vitest';
import { distanceKm } from './geo-distance.js';

describe('distanceKm', () => {
  it('is 0 for one point, symmetric, and about 391.5 km from Paris to Lyon', () => {
    expect(distanceKm(48.8566, 2.3522, 48.8566, 2.3522)).toBe(0);
    const parisLyon = distanceKm(48.8566, 2.3522, 45.764, 4.8357);
    expect(parisLyon).toBeCloseTo(391.5, 0);
    expect(distanceKm(45.764, 4.8357, 48.8566, 2.3522)).toBeCloseTo(parisLyon, 9);
  });
});
