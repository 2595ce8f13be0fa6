import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('uses the singular for 0 and 1, the plural beyond, and French digit grouping', () => {
    expect(plural(0, 'structure', 'structures')).toBe('0 structure');
    expect(plural(1, 'structure', 'structures')).toBe('1 structure');
    expect(plural(2, 'structure', 'structures')).toBe('2 structures');
    expect(plural(1200, 'structure', 'structures')).toBe(`${(1200).toLocaleString('fr-FR')} structures`);
  });
});
