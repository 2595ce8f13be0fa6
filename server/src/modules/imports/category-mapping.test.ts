import { describe, expect, it } from 'vitest';
import { CATEGORY_TAXONOMY } from '../categories/category-taxonomy.js';
import { ACTIVITY_MAPPING, mapActivities, normalizeActivity, REVIEWED_ACTIVITY_KEYS } from './category-mapping.js';

const CATEGORY_SLUGS = new Set(CATEGORY_TAXONOMY.flatMap((group) => group.categories.map((category) => category.slug)));

describe('activity → category mapping', () => {
  it('maps only to categories of the taxonomy (not to groups)', () => {
    for (const [value, slugs] of ACTIVITY_MAPPING) {
      for (const slug of slugs) expect(CATEGORY_SLUGS.has(slug), `${value} → ${slug}`).toBe(true);
    }
  });

  it('is keyed by normalised values', () => {
    for (const key of REVIEWED_ACTIVITY_KEYS) expect(normalizeActivity(key)).toBe(key);
  });

  it('normalises case, accents, ligatures and punctuation', () => {
    expect(normalizeActivity('  Œuvre — Second-Œuvre ')).toBe('oeuvre second oeuvre');
    expect(normalizeActivity("Entretien d'espaces verts")).toBe('entretien d espaces verts');
  });

  it('knows the taxonomy\'s own category names and slugs', () => {
    expect(mapActivities(['Mise sous pli', 'nettoyage-vitres']).slugs).toEqual(['mise-sous-pli', 'nettoyage-vitres']);
  });

  it('gives sorted unique slugs, and the values it cannot map as written', () => {
    expect(mapActivities(['ESPACES VERTS', 'Espaces verts', 'Élagage', ' Fusées ', '', 'Autre'])).toEqual({
      slugs: ['elagage-abattage', 'entretien-espaces-verts'],
      unmapped: ['Fusées'],
    });
  });
});
