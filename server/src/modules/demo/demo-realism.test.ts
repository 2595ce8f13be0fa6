import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/config.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { PriceUnit } from '../offerings/price-unit.js';
import { ServiceAreaKind } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { readDemoInputs, type DemoInputs } from './demo-directory.js';
import { type DemoCategory, type DemoSupplier, generateDemoSuppliers } from './demo-generator.js';
import {
  COMPANION_CATEGORIES,
  DEMO_SUFFIX,
  DEPARTEMENTS_WITHOUT_STRUCTURES,
  KIND_STAFF_CATEGORY,
  LEGAL_FORMS,
  NATIONAL_GROUPS,
  STAFF_GROUP,
  STAFF_SECTOR_GROUPS,
  TAGS,
} from './demo-vocabulary.js';

/**
 * The demo directory the product loads at first start (DEMO_SUPPLIERS and DEMO_SEED at their
 * defaults) over the real territories and taxonomy, read the way a tester reads it: names,
 * descriptions, service areas, activities, tags, prices. Generated in memory: these are the
 * generator's properties, the loader only copies them.
 */
let inputs: DemoInputs;
let suppliers: DemoSupplier[];
let categoryBySlug: Map<string, DemoCategory>;
let departementOf: Map<string, string>;
const { demoSupplierCount, demoSeed } = loadConfig({});

beforeAll(async () => {
  const database = await createTestDatabase();
  try {
    inputs = await readDemoInputs(database.db);
  } finally {
    await database.drop();
  }
  suppliers = [...generateDemoSuppliers({ count: demoSupplierCount, seed: demoSeed, ...inputs })];
  categoryBySlug = new Map(inputs.categories.map((category) => [category.slug, category]));
  departementOf = new Map(inputs.communes.map((commune) => [commune.code, commune.departementCode]));
}, 120_000);

/** The name a buyer sees, without the demo marker. */
function displayName(supplier: DemoSupplier): string {
  return (supplier.brandName ?? supplier.legalName).slice(0, -DEMO_SUFFIX.length);
}

/** "AABA", "GMDR", "GEIQ BTP 57": no word a reader can read. */
function isInitialsOnly(name: string): boolean {
  return !/\p{Ll}\p{Ll}/u.test(name);
}

/** The values shared by more than one item, with how many. */
function duplicates(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

const LOCAL_BY_NATURE = [SupplierKind.AI, SupplierKind.ACI];
const DISABILITY_WORKSHOPS = [SupplierKind.ESAT, SupplierKind.EA];

describe(`the demo directory of ${demoSupplierCount} suppliers (seed ${demoSeed})`, () => {
  it('has the size of the real directory and places no supplier where SIAE and EA cannot exist', () => {
    expect(suppliers).toHaveLength(demoSupplierCount);
    const misplaced = suppliers.filter((s) => DEPARTEMENTS_WITHOUT_STRUCTURES.includes(departementOf.get(s.communeCode)!));
    expect(misplaced.map((s) => s.communeCode)).toEqual([]);
  });

  it('names no structure by initials', () => {
    const initials = suppliers.map(displayName).filter(isInitialsOnly);
    expect(initials).toEqual([]);
  });

  it('gives every structure a display name of its own within its département', () => {
    const keys = suppliers.map((s) => `${departementOf.get(s.communeCode)} ${displayName(s).toLowerCase()}`);
    expect(duplicates(keys)).toEqual([]);
    // Across France, names repeat only as real ones do ("ESAT Jean Moulin"), never by dozens.
    const national = duplicates(suppliers.map(displayName));
    const sharing = national.reduce((sum, [, n]) => sum + n, 0);
    expect(sharing / suppliers.length).toBeLessThan(0.25);
    expect(Math.max(...national.map(([, n]) => n))).toBeLessThanOrEqual(20);
  });

  it('gives legal names that are the display name, with a legal form where the kind has one', () => {
    for (const s of suppliers) {
      expect(s.legalName.endsWith(DEMO_SUFFIX)).toBe(true);
      const legal = s.legalName.slice(0, -DEMO_SUFFIX.length);
      const display = displayName(s);
      if (s.brandName === null) continue;
      const forms = LEGAL_FORMS[s.kind].map(([form]) => form).filter((form) => form !== '');
      expect(forms.map((form) => `${form} ${display}`), s.legalName).toContain(legal);
    }
  });

  it('describes each structure by its own name, its commune, its activities and its area', () => {
    const communeName = new Map(inputs.communes.map((commune) => [commune.code, commune.name]));
    const unnamed = suppliers.filter((s) => !s.description.includes(displayName(s)));
    expect(unnamed.map((s) => [displayName(s), s.description])).toEqual([]);
    for (const s of suppliers) {
      const text = s.description.toLowerCase();
      // "au Mans", "aux Abymes": the article merges with the preposition.
      expect(text, s.description).toContain(communeName.get(s.communeCode)!.replace(/^(Le|Les) /, '').toLowerCase());
      // The category named after the kind ("mise à disposition par une association intermédiaire") goes without saying.
      for (const slug of s.categorySlugs.filter((x) => x !== KIND_STAFF_CATEGORY[s.kind])) {
        expect(text, s.description).toContain(categoryBySlug.get(slug)!.name.toLowerCase());
      }
      expect(s.description).toMatch(/La structure intervient [^.]+\.$/);
    }
  });

  it('gives local service areas, national ones only to a few networks and never to an AI or an ACI', () => {
    const overseas = (s: DemoSupplier) => departementOf.get(s.communeCode)!.length === 3;
    const areas = suppliers.flatMap((s) => [
      { s, area: s.serviceArea },
      ...s.offerings.flatMap((o) => (o.serviceAreaOverride ? [{ s, area: o.serviceAreaOverride }] : [])),
    ]);
    const national = areas.filter(({ area }) => area.kind === ServiceAreaKind.NATIONAL);
    expect(national.filter(({ s }) => LOCAL_BY_NATURE.includes(s.kind)).map(({ s }) => s.legalName)).toEqual([]);
    expect(national.filter(({ s }) => overseas(s)).map(({ s }) => s.legalName)).toEqual([]);
    const nationalSuppliers = suppliers.filter((s) => s.serviceArea.kind === ServiceAreaKind.NATIONAL);
    expect(nationalSuppliers.length / suppliers.length).toBeLessThan(0.02);
    const networks = [SupplierKind.ETTI, SupplierKind.EITI, SupplierKind.EA, SupplierKind.EATT, SupplierKind.GEIQ];
    for (const s of nationalSuppliers) {
      expect(networks, s.legalName).toContain(s.kind);
      // A national network delivers from a few sites: staff, remote services, production, logistics.
      expect(NATIONAL_GROUPS, s.legalName).toContain(categoryBySlug.get(s.categorySlugs[0])!.groupSlug);
    }
    expect(nationalSuppliers.length).toBeGreaterThan(0);
    // Most serve their commune's surroundings or their département(s).
    const local = suppliers.filter((s) => s.serviceArea.kind === ServiceAreaKind.RADIUS || s.serviceArea.kind === ServiceAreaKind.DEPARTEMENTS);
    expect(local.length / suppliers.length).toBeGreaterThan(0.8);
    for (const s of suppliers.filter((x) => x.kind === SupplierKind.AI)) {
      expect([ServiceAreaKind.RADIUS, ServiceAreaKind.DEPARTEMENTS]).toContain(s.serviceArea.kind);
      if (s.serviceArea.kind === ServiceAreaKind.RADIUS) expect(s.serviceArea.radiusKm!).toBeLessThanOrEqual(30);
      expect(s.serviceArea.departementCodes.length).toBeLessThanOrEqual(2);
    }
  });

  it('adds secondary activities next to the main one (ESAT and EA may run unrelated workshops)', () => {
    const misfits: string[] = [];
    for (const s of suppliers) {
      const [main, ...others] = s.categorySlugs.map((slug) => categoryBySlug.get(slug)!);
      for (const other of others) {
        const related =
          other.groupSlug === main.groupSlug ||
          other.slug === KIND_STAFF_CATEGORY[s.kind] ||
          (COMPANION_CATEGORIES[main.groupSlug] ?? []).includes(other.slug) ||
          (main.groupSlug === STAFF_GROUP && STAFF_SECTOR_GROUPS.includes(other.groupSlug)) ||
          DISABILITY_WORKSHOPS.includes(s.kind);
        if (!related) misfits.push(`${displayName(s)}: ${main.slug} + ${other.slug}`);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('tags each structure only with networks and labels it has a reason for (its kind or one of its activities)', () => {
    const specs = new Map(TAGS.map((tag) => [tag.label, tag]));
    for (const tag of TAGS) expect(tag.kinds !== undefined || tag.categories !== undefined, tag.label).toBe(true);
    const unfounded: string[] = [];
    for (const s of suppliers) {
      for (const label of s.tags) {
        const tag = specs.get(label);
        const fits = tag !== undefined && (!tag.kinds || tag.kinds.includes(s.kind)) &&
          (!tag.categories || s.categorySlugs.some((slug) => tag.categories!.includes(slug)));
        if (!fits) unfounded.push(`${displayName(s)} (${s.kind}, ${s.categorySlugs.join(' ')}): ${label}`);
      }
    }
    expect(unfounded).toEqual([]);
    expect(suppliers.filter((s) => s.tags.length > 0).length / suppliers.length).toBeGreaterThan(0.3);
  });

  it('uses the words of a trade only on structures of that trade', () => {
    // A bike park or a garage keeps bikes, it does not guard buildings.
    const guards = suppliers.filter((s) =>
      [s.description, ...s.offerings.flatMap((o) => [o.title, o.description])].some((text) => /gardiennage/i.test(text)),
    );
    expect(guards.length).toBeGreaterThan(0);
    for (const s of guards) {
      expect(s.categorySlugs.map((slug) => categoryBySlug.get(slug)!.groupSlug), displayName(s)).toContain('securite-mediation');
    }
  });

  it('prices each offering in the units of its trade', () => {
    const { HOUR, HALF_DAY, DAY, MONTH, PIECE, SQUARE_METRE, LINEAR_METRE, KILOGRAM, TONNE, MEAL, PERSON, FLAT } = PriceUnit;
    const units: Record<string, PriceUnit[]> = {
      'proprete-nettoyage': [SQUARE_METRE, HOUR, MONTH, FLAT],
      'restauration-alimentation': [MEAL, PERSON, PIECE, KILOGRAM, FLAT],
      evenementiel: [PERSON, HOUR, PIECE, FLAT],
      'espaces-verts': [SQUARE_METRE, LINEAR_METRE, PIECE, DAY, FLAT],
      'blanchisserie-pressing': [KILOGRAM, PIECE, SQUARE_METRE, MONTH, FLAT],
      'mise-a-disposition': [HOUR, DAY, FLAT],
      'dechets-recyclage': [TONNE, KILOGRAM, FLAT],
      'batiment-travaux': [SQUARE_METRE, LINEAR_METRE, HOUR, FLAT],
      'agriculture-maraichage': [KILOGRAM, PIECE, HALF_DAY, FLAT],
    };
    const offPriced: string[] = [];
    for (const s of suppliers) {
      for (const o of s.offerings) {
        const allowed = units[categoryBySlug.get(o.categorySlug)!.groupSlug];
        // Staff provided in any sector is priced by the hour or the day.
        const staff = o.serviceType === 'STAFF_PROVISION' ? [HOUR, DAY, FLAT] : [];
        if (o.priceUnit !== null && allowed && ![...allowed, ...staff].includes(o.priceUnit)) {
          offPriced.push(`${o.title}: ${o.priceUnit}`);
        }
        if (o.priceUnit === HOUR) expect(o.priceFrom!).toBeLessThanOrEqual(60);
        if (o.priceUnit === MEAL) expect(o.priceFrom!).toBeLessThanOrEqual(15);
      }
    }
    expect(offPriced).toEqual([]);
  });

  it('is the same directory for the same seed', () => {
    const again = [...generateDemoSuppliers({ count: 500, seed: demoSeed, ...inputs })];
    expect(again).toEqual(suppliers.slice(0, 500));
  });
});
