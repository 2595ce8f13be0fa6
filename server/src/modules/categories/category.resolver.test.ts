import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test-support/test-server.js';
import { CATEGORY_TAXONOMY } from './category-taxonomy.js';

/**
 * The category taxonomy and the small-purchase rules over real HTTP: the tree, its lists
 * and lookups agree with each other and with the taxonomy in code, without N+1 queries.
 */
const app = useTestServer();

async function data<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
  const response = await app.server.query<TData>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

interface CategoryResult {
  id: string;
  slug: string;
  name: string;
  group: { slug: string };
}

interface GroupResult {
  id: string;
  slug: string;
  name: string;
  categories: CategoryResult[];
}

const TREE = `{ categoryGroups { id slug name categories { id slug name group { slug } } } }`;

describe('categoryGroups', () => {
  it('returns the 20 groups in display order, each with its categories in order', async () => {
    const { categoryGroups } = await data<{ categoryGroups: GroupResult[] }>(TREE);
    expect(categoryGroups).toHaveLength(20);
    expect(categoryGroups[0]).toMatchObject({ slug: 'espaces-verts', name: 'Espaces verts et paysage' });
    expect(categoryGroups.map((group) => group.slug)).toEqual(CATEGORY_TAXONOMY.map((group) => group.slug));
    for (const [index, group] of categoryGroups.entries()) {
      const expected = CATEGORY_TAXONOMY[index];
      expect(group.name).toBe(expected.name);
      expect(group.categories.map((category) => [category.slug, category.name])).toEqual(
        expected.categories.map((category) => [category.slug, category.name]),
      );
      expect(group.categories.length).toBeGreaterThan(0);
      for (const category of group.categories) expect(category.group.slug).toBe(group.slug);
    }
  });

  it('lists each category once, with its own ID', async () => {
    const { categoryGroups } = await data<{ categoryGroups: GroupResult[] }>(TREE);
    const categories = categoryGroups.flatMap((group) => group.categories);
    const total = CATEGORY_TAXONOMY.reduce((sum, group) => sum + group.categories.length, 0);
    expect(categories).toHaveLength(total);
    expect(new Set(categories.map((category) => category.slug)).size).toBe(total);
    expect(new Set(categories.map((category) => category.id)).size).toBe(total);
    expect(new Set(categoryGroups.map((group) => group.id)).size).toBe(20);
  });

  it('agrees with categories and categories(groupSlug:)', async () => {
    const { categoryGroups } = await data<{ categoryGroups: GroupResult[] }>(TREE);
    const { categories } = await data<{ categories: CategoryResult[] }>(`{ categories { id slug name group { slug } } }`);
    expect(categories).toEqual(categoryGroups.flatMap((group) => group.categories));

    // One request, one alias per group.
    const aliases = categoryGroups.map(
      (group, index) => `g${index}: categories(groupSlug: ${JSON.stringify(group.slug)}) { id slug name group { slug } }`,
    );
    const byGroup = await data<Record<string, CategoryResult[]>>(`{ ${aliases.join('\n')} }`);
    categoryGroups.forEach((group, index) => expect(byGroup[`g${index}`], group.slug).toEqual(group.categories));
  });

  it('runs a constant, small number of SQL statements for the whole tree (no N+1)', async () => {
    const tree = await app.server.query(`{ categoryGroups { slug categories { slug group { slug name } } } }`);
    expect(tree.errors).toBeUndefined();
    expect(tree.sqlStatements.length).toBeGreaterThan(0);
    expect(tree.sqlStatements.length).toBeLessThanOrEqual(3);
    // Twice as deep, same count: the loaders batch each level once.
    const deeper = await app.server.query(`{ categoryGroups { slug categories { slug group { slug categories { slug group { slug } } } } } }`);
    expect(deeper.errors).toBeUndefined();
    expect(deeper.sqlStatements.length).toBeLessThanOrEqual(3);
    const one = await app.server.query(`{ categories(groupSlug: "espaces-verts") { slug group { slug } } }`);
    expect(one.sqlStatements.length).toBeLessThanOrEqual(tree.sqlStatements.length);
  });
});

describe('category and categories(groupSlug:)', () => {
  it('finds a category by slug, with its keywords and group', async () => {
    const { category } = await data<{ category: unknown }>(
      `{ category(slug: "tonte-debroussaillage") { slug name keywords cpvPrefixes group { slug name } } }`,
    );
    expect(category).toMatchObject({
      slug: 'tonte-debroussaillage',
      name: 'Tonte et débroussaillage',
      cpvPrefixes: ['77314000', '45233229'],
      group: { slug: 'espaces-verts', name: 'Espaces verts et paysage' },
    });
    expect((category as { keywords: string[] }).keywords).toContain('gazon');
  });

  it('answers null for an unknown category', async () => {
    expect((await data<{ category: unknown }>(`{ category(slug: "licornes") { slug } }`)).category).toBeNull();
  });

  it('refuses an unknown group slug with BAD_USER_INPUT', async () => {
    const response = await app.server.query(`{ categories(groupSlug: "licornes") { slug } }`);
    expect(response.status).toBe(200);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupSlug' });
    expect(response.errors?.[0].message).toContain('licornes');
  });
});

describe('smallPurchaseRules', () => {
  interface Threshold {
    validFrom: string;
    suppliesAndServices: number;
    works: number;
    source: string;
  }
  const RULES = `{ smallPurchaseRules { defaultAmount
    thresholds { validFrom suppliesAndServices works source }
    current { validFrom suppliesAndServices works source } } }`;

  /** The line in force on a day (ISO date), from a list oldest first. */
  const lineOn = (thresholds: Threshold[], day: string) => thresholds.filter((line) => line.validFrom <= day).at(-1) ?? null;
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);

  it('gives the default amount and the dated thresholds, oldest first', async () => {
    const { smallPurchaseRules } = await data<{ smallPurchaseRules: { defaultAmount: number; thresholds: Threshold[] } }>(RULES);
    expect(smallPurchaseRules.defaultAmount).toBe(15_000);
    const { thresholds } = smallPurchaseRules;
    expect(thresholds.length).toBeGreaterThanOrEqual(2);
    expect(thresholds[0]).toEqual({
      validFrom: '2011-12-12',
      suppliesAndServices: 15_000,
      works: 15_000,
      source: 'Décret n° 2011-1853 du 9 décembre 2011',
    });
    for (const line of thresholds) {
      expect(line.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(line.suppliesAndServices).toBeGreaterThan(0);
      expect(line.works).toBeGreaterThanOrEqual(line.suppliesAndServices);
      expect(line.source.length).toBeGreaterThan(0);
    }
    const dates = thresholds.map((line) => line.validFrom);
    expect(dates).toEqual([...new Set(dates)].sort());
  });

  it('gives as current the line in force today', async () => {
    // The day is read before and after the request, so a request across midnight (UTC) passes too.
    const before = isoDay(new Date());
    const { smallPurchaseRules } = await data<{ smallPurchaseRules: { thresholds: Threshold[]; current: Threshold | null } }>(RULES);
    const after = isoDay(new Date());
    const { thresholds, current } = smallPurchaseRules;
    const candidates = [lineOn(thresholds, before), lineOn(thresholds, after)];
    expect(candidates[0]).not.toBeNull();
    expect(candidates).toContainEqual(current);
  });
});
