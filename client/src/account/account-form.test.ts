import { describe, expect, it } from 'vitest';
import { safeReturnPath, tokenFromFragment } from './account-form';

describe('account form helpers', () => {
  it('keeps only same-site paths for `retour`', () => {
    expect(safeReturnPath('/mon-espace/compte?x=1', '/')).toBe('/mon-espace/compte?x=1');
    for (const unsafe of ['https://pirate.example/', '//pirate.example/', '/\\pirate.example/', 'javascript:alert(1)', '/a\nb', ['/a'], undefined]) {
      expect(safeReturnPath(unsafe, '/mon-espace')).toBe('/mon-espace');
    }
  });

  it('reads the token of a mail link from the fragment', () => {
    expect(tokenFromFragment('#jeton=abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#jeton=')).toBeNull();
  });
});
