import { describe, expect, it } from 'vitest';
import {
  formatHeadcount, formatLeadTime, formatSiren, formatSiret, mailtoHref, phoneHref, supplierPageUrl, websiteHref, websiteLabel,
} from './supplier-text';

describe('identifiers', () => {
  it('groups a SIRET as SIREN then NIC', () => {
    expect(formatSiret('12345678900012')).toBe('123 456 789 00012');
    expect(formatSiret('123 456 789 00012')).toBe('123 456 789 00012');
  });

  it('groups a SIREN by three', () => {
    expect(formatSiren('123456789')).toBe('123 456 789');
  });

  it('shows malformed identifiers as given', () => {
    expect(formatSiret('1234')).toBe('1234');
    expect(formatSiren('12345678X')).toBe('12345678X');
  });
});

describe('contact links', () => {
  it('links websites over http(s) only, adding the scheme when missing', () => {
    expect(websiteHref('www.exemple.fr')).toBe('https://www.exemple.fr/');
    expect(websiteHref('http://exemple.fr/contact')).toBe('http://exemple.fr/contact');
    expect(websiteHref('javascript:alert(1)')).toBeNull();
    expect(websiteHref('ftp://exemple.fr')).toBeNull();
    expect(websiteHref('non renseigné')).toBeNull();
    expect(websiteHref('')).toBeNull();
    expect(websiteHref(null)).toBeNull();
  });

  it('shows websites without scheme or trailing slash', () => {
    expect(websiteLabel('https://www.exemple.fr/')).toBe('www.exemple.fr');
  });

  it('dials phones with digits and a leading plus only', () => {
    expect(phoneHref('03 87 12 34 56')).toBe('tel:0387123456');
    expect(phoneHref('+33 (0)3.87.12.34.56')).toBe('tel:+33387123456');
    expect(phoneHref('n/a')).toBeNull();
    expect(phoneHref(null)).toBeNull();
  });

  it('writes mailto links for e-mail addresses only', () => {
    expect(mailtoHref(' contact@exemple.fr ')).toBe('mailto:contact@exemple.fr');
    expect(mailtoHref('contact at exemple')).toBeNull();
    expect(mailtoHref('a@b.fr?cc=x@y.fr <x>')).toBeNull();
    expect(mailtoHref('a@b.fr?subject=x')).toBeNull();
  });
});

describe('supplierPageUrl', () => {
  it('is absolute and on the supplier route', () => {
    expect(supplierPageUrl('U3VwcGxpZXI6MQ', 'https://achat-inclusif.example')).toBe('https://achat-inclusif.example/structures/U3VwcGxpZXI6MQ');
  });
});

describe('counts in words', () => {
  it('agrees in number', () => {
    expect(formatHeadcount(1)).toBe('1 personne');
    expect(formatHeadcount(1250)).toBe('1\u202f250 personnes');
    expect(formatLeadTime(1)).toBe('1 jour');
    expect(formatLeadTime(10)).toBe('10 jours');
    expect(formatLeadTime(0)).toBe('Immédiat');
  });
});
