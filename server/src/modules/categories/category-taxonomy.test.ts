import { describe, expect, it } from 'vitest';
import { CATEGORY_TAXONOMY } from './category-taxonomy.js';

const EXPECTED_GROUP_SLUGS = [
  'espaces-verts',
  'proprete-nettoyage',
  'restauration-alimentation',
  'dechets-recyclage',
  'informatique-numerique',
  'impression-communication',
  'logistique-conditionnement',
  'batiment-travaux',
  'blanchisserie-pressing',
  'sous-traitance-industrielle',
  'evenementiel',
  'transport-demenagement',
  'services-a-la-personne',
  'securite-mediation',
  'textile-artisanat',
  'mise-a-disposition',
  'administratif-relation-client',
  'agriculture-maraichage',
  'mobilite-vehicules',
  'mobilier-fournitures',
];

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CPV_PREFIX = /^\d{2,8}$/;

const allCategories = CATEGORY_TAXONOMY.flatMap((group) =>
  group.categories.map((category) => ({ group: group.slug, ...category })),
);

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

describe('CATEGORY_TAXONOMY', () => {
  it('has exactly the 20 expected groups, in display order', () => {
    expect(CATEGORY_TAXONOMY.map((group) => group.slug)).toEqual(EXPECTED_GROUP_SLUGS);
  });

  it('has between 140 and 170 categories, 5 to 10 per group', () => {
    expect(allCategories.length).toBeGreaterThanOrEqual(140);
    expect(allCategories.length).toBeLessThanOrEqual(170);
    for (const group of CATEGORY_TAXONOMY) {
      expect(group.categories.length, group.slug).toBeGreaterThanOrEqual(5);
      expect(group.categories.length, group.slug).toBeLessThanOrEqual(10);
    }
  });

  it('uses kebab-case ASCII slugs that are unique across groups and categories', () => {
    const slugs = [...CATEGORY_TAXONOMY.map((group) => group.slug), ...allCategories.map((c) => c.slug)];
    for (const slug of slugs) expect(slug, slug).toMatch(KEBAB_CASE);
    expect(duplicates(slugs)).toEqual([]);
  });

  it('gives every group and category a trimmed name and a one-sentence description', () => {
    for (const item of [...CATEGORY_TAXONOMY, ...allCategories]) {
      expect(item.name.trim(), item.slug).not.toBe('');
      expect(item.name, item.slug).toBe(item.name.trim());
      expect(item.description.trim(), item.slug).not.toBe('');
      expect(item.description, item.slug).toBe(item.description.trim());
      expect(item.description, item.slug).toMatch(/^\p{Lu}.*\.$/u);
      expect(item.description, item.slug).not.toMatch(/[.!?]\s+\p{Lu}/u);
      expect(item.description.length, item.slug).toBeGreaterThan(item.name.length);
    }
  });

  it('never gives two categories (or two groups) the same name', () => {
    const categoryNames = allCategories.map((c) => c.name.toLocaleLowerCase('fr-FR'));
    expect(duplicates(categoryNames)).toEqual([]);
    const groupNames = CATEGORY_TAXONOMY.map((group) => group.name.toLocaleLowerCase('fr-FR'));
    expect(duplicates(groupNames)).toEqual([]);
  });

  it('has 4 to 10 lowercase, distinct search keywords per category', () => {
    for (const category of allCategories) {
      const { keywords, slug } = category;
      expect(keywords.length, slug).toBeGreaterThanOrEqual(4);
      expect(keywords.length, slug).toBeLessThanOrEqual(10);
      for (const keyword of keywords) {
        expect(keyword, slug).toBe(keyword.trim());
        expect(keyword, slug).not.toBe('');
        expect(keyword, slug).toBe(keyword.toLocaleLowerCase('fr-FR'));
        // Buyers type the straight apostrophe; a typographic one would never match.
        expect(keyword, slug).not.toContain('’');
      }
      expect(duplicates(keywords), slug).toEqual([]);
      expect(keywords, slug).not.toContain(category.name.toLocaleLowerCase('fr-FR'));
    }
  });

  it('lists CPV prefixes as distinct strings of 2 to 8 digits', () => {
    for (const { cpvPrefixes, slug } of allCategories) {
      for (const prefix of cpvPrefixes) expect(prefix, slug).toMatch(CPV_PREFIX);
      expect(duplicates(cpvPrefixes), slug).toEqual([]);
    }
  });

  it('keeps accents in French keywords (search must not rely on ASCII-folded data)', () => {
    const keywords = allCategories.flatMap((c) => c.keywords);
    expect(keywords).toContain('élagage');
    expect(keywords).toContain('débroussaillage');
    expect(keywords.some((keyword) => /[àâçéèêëîïôùûüœ]/u.test(keyword))).toBe(true);
  });
});
