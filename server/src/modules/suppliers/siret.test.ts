import { describe, expect, it } from 'vitest';
import {
  completeSiren,
  completeSiret,
  isValidSiren,
  isValidSiret,
  luhnCheckDigit,
  makeSiret,
  normalizeSiret,
  passesLuhn,
  siretError,
  sirenOf,
} from './siret.js';

/*
 * Luhn by hand, doubling every second digit from the right (for 14 digits: positions
 * 1, 3, …, 13 from the left; for 9 digits: positions 2, 4, 6, 8), subtracting 9 from
 * doubled values above 9. Valid when the total is a multiple of 10.
 */
describe('isValidSiret', () => {
  it('accepts published SIRETs whose checksum is verified by hand', () => {
    // Apple France 732 829 320 00074 (python-stdnum's example):
    // doubled 7,2,2,3,0,0,7 -> 5+4+4+6+0+0+5 = 24; others 3,8,9,2,0,0,4 = 26; total 50.
    expect(isValidSiret('73282932000074')).toBe(true);
    // 443 061 841 00047: doubled 4,3,6,8,1,0,4 -> 8+6+3+7+2+0+8 = 34; others 4,0,1,4,0,0,7 = 16; total 50.
    expect(isValidSiret('44306184100047')).toBe(true);
  });

  it('accepts La Poste head office, which passes Luhn but not the sum-of-digits rule', () => {
    // doubled 3,6,0,0,0,0,4 -> 6+3+8 = 17; others 5,0,0,0,0,0,8 = 13; total 30. Digit sum 26.
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('accepts other La Poste establishments on the sum of their digits only', () => {
    // 3+5+6+4+9+8+3+7 = 45, a multiple of 5 (its Luhn total, 48, is irrelevant).
    expect(passesLuhn('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
    // 3+5+6+4+9+8+3+8 = 46.
    expect(isValidSiret('35600000049838')).toBe(false);
    // Passes Luhn (6+3+2 + 5+4 = 20) but digit sum 19: La Poste rule applies, so invalid.
    expect(passesLuhn('35600000000014')).toBe(true);
    expect(isValidSiret('35600000000014')).toBe(false);
  });

  it('rejects a SIRET with one digit changed or two digits swapped', () => {
    expect(isValidSiret('73282932000075')).toBe(false); // total 51
    expect(isValidSiret('73282932000064')).toBe(false); // 7 -> 6 at a doubled position: total 48
    expect(isValidSiret('73282932000047')).toBe(false); // last two swapped: total 56
    expect(isValidSiret('83282932000074')).toBe(false);
  });

  it('rejects a SIRET that passes Luhn as a whole but whose SIREN does not', () => {
    // 732829321 00072: 14-digit Luhn total 50, but the SIREN total is 41.
    expect(passesLuhn('73282932100072')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiret('73282932100072')).toBe(false);
  });

  it('rejects wrong lengths, letters and separators', () => {
    expect(isValidSiret('')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret('732 829 320 00074')).toBe(false);
    expect(isValidSiret('00000000000000')).toBe(true); // Luhn-valid, shape-valid: the algorithm alone cannot tell
  });
});

describe('isValidSiren', () => {
  it('checks length and Luhn', () => {
    // 732829320: doubled 3,8,9,2 -> 6+7+9+4 = 26; others 7,2,2,3,0 = 14; total 40.
    expect(isValidSiren('732829320')).toBe(true);
    // 552081317: doubled 5,0,1,1 -> 1+0+2+2 = 5; others 5,2,8,3,7 = 25; total 30.
    expect(isValidSiren('552081317')).toBe(true);
    // 356000000: doubled 5,0,0,0 -> 1; others 3,6,0,0,0 = 9; total 10.
    expect(isValidSiren('356000000')).toBe(true);
    expect(isValidSiren('552081318')).toBe(false);
    expect(isValidSiren('55208131')).toBe(false);
    expect(isValidSiren('55208131X')).toBe(false);
  });
});

describe('helpers', () => {
  it('normalizes separators without validating', () => {
    expect(normalizeSiret('123 456 789 00012')).toBe('12345678900012');
    expect(normalizeSiret('732\u00a0829\u00a0320\u202f00074')).toBe('73282932000074');
    expect(normalizeSiret('732.829.320-00074')).toBe('73282932000074');
    expect(normalizeSiret('abc')).toBe('abc');
  });

  it('gives the SIREN of a SIRET', () => {
    expect(sirenOf('73282932000074')).toBe('732829320');
  });

  it('explains why a SIRET is invalid', () => {
    expect(siretError('73282932000074')).toBeNull();
    expect(siretError('7328293200007')).toMatch(/13 digits: expected 14/);
    expect(siretError('7328293200007A')).toMatch(/other than digits/);
    expect(siretError('')).toMatch(/empty/);
    expect(siretError('73282932000075')).toMatch(/checksum/);
    expect(siretError('73282932100072')).toMatch(/SIREN/);
    expect(siretError('35600000049838')).toMatch(/La Poste/);
  });

  it('computes check digits', () => {
    expect(luhnCheckDigit('7328293200007')).toBe('4');
    expect(luhnCheckDigit('73282932')).toBe('0');
    expect(completeSiren('55208131')).toBe('552081317');
    expect(completeSiret('7328293200007')).toBe('73282932000074');
    expect(() => completeSiret('7328293210007')).toThrow(RangeError); // invalid SIREN part
    expect(() => completeSiret('3560000000001')).toThrow(RangeError); // La Poste
  });

  it('makes valid SIRETs from any 8 + 4 digits', () => {
    for (let i = 0; i < 2000; i++) {
      const body = String(10_000_000 + i * 37_813).padStart(8, '0').slice(-8);
      const nic = String(i % 10_000).padStart(4, '0');
      const siret = makeSiret(body, nic);
      expect(siret).toHaveLength(14);
      expect(siret.startsWith(body)).toBe(true);
      expect(isValidSiret(siret)).toBe(true);
    }
  });
});
