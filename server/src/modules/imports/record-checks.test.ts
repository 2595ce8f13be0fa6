import { describe, expect, it } from 'vitest';
import { makeSiret } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { checkRecord, isAntennaSiret, siretRejection, truncateText } from './record-checks.js';
import type { SourceRecord } from './source-record.js';
import { expectedRecord } from './test-records.js';

const VALID = makeSiret('73282932', '0001');

function record(fields: Partial<SourceRecord> = {}): SourceRecord {
  return expectedRecord(SupplierSource.EMPLOIS_INCLUSION, 7, {
    sourceId: 'x',
    siret: VALID,
    legalName: 'Envie',
    kind: SupplierKind.EI,
    address: { street: null, postalCode: null, communeCode: '57463', communeName: null },
    ...fields,
  });
}

describe('record checks', () => {
  it('accepts valid SIRETs and says why others are refused', () => {
    expect(siretRejection(VALID)).toBeNull();
    expect(siretRejection('')).toBe('SIRET manquant');
    expect(siretRejection('1234')).toBe('SIRET invalide : 4 chiffres au lieu de 14');
    expect(siretRejection('1234567890123A')).toBe('SIRET invalide : caractères autres que des chiffres');
    expect(siretRejection(`${VALID.slice(0, 13)}${(Number(VALID[13]) + 1) % 10}`)).toBe('SIRET invalide : clé de contrôle (Luhn) fausse');
  });

  it('accepts les emplois de l\'inclusion antennas (valid SIREN + 999xx) and flags them', () => {
    const antenna = `${VALID.slice(0, 9)}99907`;
    expect(isAntennaSiret(antenna)).toBe(true);
    expect(siretRejection(antenna)).toBeNull();
    // The SIREN part must still be valid.
    expect(isAntennaSiret('12345678199901')).toBe(false);
    const outcome = checkRecord(record({ siret: antenna }));
    expect('checked' in outcome && outcome.checked.siretIsAntenna).toBe(true);
  });

  it('strips separators, and drops a brand equal to the legal name and implausible positions', () => {
    const outcome = checkRecord(record({
      siret: `${VALID.slice(0, 3)} ${VALID.slice(3, 6)} ${VALID.slice(6, 9)} ${VALID.slice(9)}`,
      brandName: 'ENVIE',
      position: { latitude: 0, longitude: 0 },
    }));
    expect(outcome).toMatchObject({ checked: { siret: VALID, brandName: null, position: null } });
  });

  it('drops NUL characters, which PostgreSQL text cannot hold', () => {
    const outcome = checkRecord(record({ legalName: 'En\u0000vie', description: 'a\u0000b', tags: ['x\u0000'] }));
    expect(outcome).toMatchObject({ checked: { legalName: 'Envie', record: { description: 'ab', tags: ['x'] } } });
  });

  it('rejects a row without a name or with an unknown kind, with its line', () => {
    expect(checkRecord(record({ legalName: ' ' }))).toEqual({ rejected: { line: 7, reason: 'Raison sociale manquante', value: VALID } });
    expect(checkRecord(record({ kind: 'SCOP' as SupplierKind }))).toEqual({ rejected: { line: 7, reason: 'Type de structure inconnu', value: 'SCOP' } });
  });

  it('holds text to the limits of edited fields: names and address reject the row, a description is cut, contacts left out', () => {
    const n = (value: number) => value.toLocaleString('fr-FR');
    expect(checkRecord(record({ legalName: 'a'.repeat(201) }))).toEqual({
      rejected: { line: 7, reason: 'Raison sociale trop longue : 201 caractères (200 au plus)', value: 'a'.repeat(201) },
    });
    expect(checkRecord(record({ brandName: 'b'.repeat(121) }))).toMatchObject({ rejected: { reason: 'Nom commercial trop long : 121 caractères (120 au plus)' } });
    expect(checkRecord(record({ address: { street: 'c'.repeat(301), postalCode: null, communeCode: '57463', communeName: null } }))).toMatchObject({
      rejected: { reason: 'Adresse trop longue : 301 caractères (300 au plus)' },
    });
    // Characters, not UTF-16 units: 200 emoji are 400 units and pass.
    expect(checkRecord(record({ legalName: '🌳'.repeat(200) }))).toHaveProperty('checked');

    const outcome = checkRecord(record({ description: 'mot '.repeat(2_000), phone: '0'.repeat(31), website: 'https://example.org', tags: ['COORACE', 't'.repeat(61)] }));
    expect(outcome).toMatchObject({
      checked: {
        record: { phone: null, website: 'https://example.org', tags: ['COORACE'] },
        warnings: [
          { line: 7, reason: `Présentation tronquée à ${n(5_000)} caractères (${n(7_999)} dans le fichier)` },
          { line: 7, reason: 'Téléphone trop long (31 caractères, 30 au plus) : non repris', value: '0'.repeat(31) },
          { line: 7, reason: 'Réseau ou label trop long (61 caractères, 60 au plus) : non repris', value: 't'.repeat(61) },
        ],
      },
    });
    const description = 'checked' in outcome ? outcome.checked.record.description! : '';
    expect(description.length).toBeLessThanOrEqual(5_000);
    expect(description.endsWith('mot…')).toBe(true);

    expect(checkRecord(record({ description: 'd'.repeat(5_000), email: `${'e'.repeat(242)}@example.org` }))).toMatchObject({ checked: { warnings: [] } });
  });

  it('cuts text after a word near the limit, never inside a character', () => {
    expect(truncateText('un deux trois quatre', 12)).toBe('un deux…');
    expect(truncateText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(truncateText('🌳'.repeat(10), 5)).toBe(`${'🌳'.repeat(4)}…`);
  });
});
