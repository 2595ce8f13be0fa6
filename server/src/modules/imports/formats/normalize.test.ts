import { describe, expect, it } from 'vitest';
import { ServiceType } from '../../suppliers/service-area.js';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import {
  cleanSiret,
  cleanText,
  foldKey,
  padNumericCode,
  parseDate,
  parseKind,
  parseList,
  parsePosition,
  parseServiceTypes,
  parseWktPoint,
} from './normalize.js';

describe('text and codes', () => {
  it('trims, and blank becomes null', () => {
    expect(cleanText('  Metz ')).toBe('Metz');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText(57000)).toBe('57000');
  });

  it('removes SIRET separators without validating', () => {
    expect(cleanSiret('418 726 535 00010')).toBe('41872653500010');
    expect(cleanSiret('418\u00a0726\u00a0535\u00a000010')).toBe('41872653500010');
    expect(cleanSiret('7345982120007')).toBe('7345982120007');
    expect(cleanSiret(null)).toBe('');
    expect(cleanSiret(41872653500010)).toBe('41872653500010');
  });

  it('puts back leading zeros that spreadsheets drop', () => {
    expect(padNumericCode('1000', 5)).toBe('01000');
    expect(padNumericCode('2A004', 5)).toBe('2A004');
    expect(padNumericCode(' 75 013 ', 5)).toBe('75013');
    expect(padNumericCode('', 5)).toBeNull();
  });

  it('folds headers', () => {
    expect(foldKey('N° SIRET')).toBe('nsiret');
    expect(foldKey('Complément d’adresse')).toBe('complementdadresse');
  });
});

describe('parseKind', () => {
  it('reads codes in any case, and aliases', () => {
    expect(parseKind('EI')).toBe(SupplierKind.EI);
    expect(parseKind('esat')).toBe(SupplierKind.ESAT);
    expect(parseKind(' Eatt ')).toBe(SupplierKind.EATT);
    expect(parseKind('ACIPHC')).toBe(SupplierKind.ACI);
  });

  it('reads French names with or without accents, and a code or name in parentheses', () => {
    expect(parseKind("Entreprise d'insertion")).toBe(SupplierKind.EI);
    expect(parseKind('ENTREPRISE D’INSERTION')).toBe(SupplierKind.EI);
    expect(parseKind('Entreprise adaptée')).toBe(SupplierKind.EA);
    expect(parseKind('Entreprise adaptee de travail temporaire')).toBe(SupplierKind.EATT);
    expect(parseKind("Établissement et service d'aide par le travail")).toBe(SupplierKind.ESAT);
    expect(parseKind("Etablissement et service d'accompagnement par le travail")).toBe(SupplierKind.ESAT);
    expect(parseKind("Atelier et chantier d'insertion")).toBe(SupplierKind.ACI);
    expect(parseKind("Entreprise de travail temporaire d'insertion")).toBe(SupplierKind.ETTI);
    expect(parseKind("Entreprise d'insertion par le travail indépendant")).toBe(SupplierKind.EITI);
    expect(parseKind("Groupement d'employeurs pour l'insertion et la qualification")).toBe(SupplierKind.GEIQ);
    expect(parseKind('Association intermédiaire')).toBe(SupplierKind.AI);
    expect(parseKind('Entreprise adaptée (EA)')).toBe(SupplierKind.EA);
    expect(parseKind("ESAT (Établissement et service d'aide par le travail)")).toBe(SupplierKind.ESAT);
    expect(parseKind('Structure (ETTI)')).toBe(SupplierKind.ETTI);
  });

  it('gives null for anything else', () => {
    expect(parseKind('Association loi 1901')).toBeNull();
    expect(parseKind('SEP')).toBeNull();
    expect(parseKind('')).toBeNull();
  });
});

describe('parseList', () => {
  it('reads pandas list cells, JSON arrays, PostgreSQL arrays and plain lists', () => {
    expect(parseList("['ei']")).toEqual(['ei']);
    expect(parseList("['siae', 'ei', 'coorace']")).toEqual(['siae', 'ei', 'coorace']);
    expect(parseList('["ei", "geiq"]')).toEqual(['ei', 'geiq']);
    expect(parseList('["l\'atelier", \'b, c\']')).toEqual(["l'atelier", 'b, c']);
    expect(parseList('[]')).toEqual([]);
    expect(parseList('{ei,geiq}')).toEqual(['ei', 'geiq']);
    expect(parseList('ei, geiq; esat|ea')).toEqual(['ei', 'geiq', 'esat', 'ea']);
    expect(parseList('[None]')).toEqual([]);
    expect(parseList(['aci', '', null, { name: 'Réseau Gesat', slug: 'gesat' }])).toEqual(['aci', 'Réseau Gesat']);
    expect(parseList(null)).toEqual([]);
    expect(parseList('')).toEqual([]);
  });
});

describe('parseDate', () => {
  it('reads ISO dates at midnight UTC and ISO date-times with their offset', () => {
    expect(parseDate('2025-10-14')).toEqual(new Date('2025-10-14T00:00:00Z'));
    expect(parseDate('2025-03-31T14:05:00+02:00')).toEqual(new Date('2025-03-31T12:05:00Z'));
    expect(parseDate('2021-03-02T10:15:00.000000+01:00')).toEqual(new Date('2021-03-02T09:15:00Z'));
  });

  it('reads epoch milliseconds as a number or numeric text, and epoch seconds below 1e11', () => {
    expect(parseDate(1760400000000)).toEqual(new Date('2025-10-14T00:00:00Z'));
    expect(parseDate('1760400000000')).toEqual(new Date('2025-10-14T00:00:00Z'));
    expect(parseDate(1760400000)).toEqual(new Date('2025-10-14T00:00:00Z'));
  });

  it('reads French dates', () => {
    expect(parseDate('14/10/2025')).toEqual(new Date('2025-10-14T00:00:00Z'));
    expect(parseDate('4/3/2025 08:30')).toEqual(new Date('2025-03-04T08:30:00Z'));
  });

  it('gives null for what is not a date', () => {
    expect(parseDate('hier')).toBeNull();
    expect(parseDate('2025-02-31')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
});

describe('positions and service types', () => {
  it('reads coordinates, decimal commas included, and refuses impossible or placeholder ones', () => {
    expect(parsePosition('45.759012', '4.846711')).toEqual({ latitude: 45.759012, longitude: 4.846711 });
    expect(parsePosition('49,1093', '6,1811')).toEqual({ latitude: 49.1093, longitude: 6.1811 });
    expect(parsePosition(0, 0)).toBeNull();
    expect(parsePosition('95', '2')).toBeNull();
    expect(parsePosition('', '2')).toBeNull();
    expect(parsePosition('abc', '2')).toBeNull();
  });

  it('reads a Django PostGIS point, longitude first', () => {
    expect(parseWktPoint('SRID=4326;POINT (4.8427 45.7540)')).toEqual({ latitude: 45.754, longitude: 4.8427 });
    expect(parseWktPoint('POINT(-1.56 47.21)')).toEqual({ latitude: 47.21, longitude: -1.56 });
    expect(parseWktPoint('n/a')).toBeNull();
  });

  it('maps presta_type codes in our order, once each', () => {
    expect(parseServiceTypes(['BUILD', 'PREST', 'DISP', 'PREST'])).toEqual([ServiceType.STAFF_PROVISION, ServiceType.SERVICES, ServiceType.GOODS]);
    expect(parseServiceTypes(['Mise à disposition de personnel', 'autre'])).toEqual([ServiceType.STAFF_PROVISION]);
  });
});
