import { describe, expect, it } from 'vitest';
import { PriceUnit } from '../offerings/price-unit.js';
import { type ServiceArea, ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { isValidSiret } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import {
  aCommune,
  deCommune,
  type DemoCategory,
  type DemoCommune,
  type DemoOffering,
  type DemoSupplier,
  DemoRandom,
  generateDemoSuppliers,
} from './demo-generator.js';
import { TAGS } from './demo-vocabulary.js';

function commune(
  code: string,
  name: string,
  departementCode: string,
  regionCode: string,
  population: number,
  latitude: number | null,
  longitude: number | null,
  postalCode: string,
): DemoCommune {
  return {
    code,
    name,
    departementCode,
    regionCode,
    postalCodes: [postalCode],
    population,
    latitude,
    longitude,
    bbox: latitude === null || longitude === null ? null : [longitude - 0.05, latitude - 0.04, longitude + 0.05, latitude + 0.04],
  };
}

/** 31 communes over 10 régions (two overseas), one without coordinates. */
const COMMUNES: DemoCommune[] = [
  commune('75056', 'Paris', '75', '11', 2_100_000, 48.8566, 2.3522, '75001'),
  commune('92012', 'Boulogne-Billancourt', '92', '11', 120_000, 48.8352, 2.2409, '92100'),
  commune('93066', 'Saint-Denis', '93', '11', 113_000, 48.9362, 2.3574, '93200'),
  commune('77288', 'Meaux', '77', '11', 55_000, 48.9601, 2.8788, '77100'),
  commune('69123', 'Lyon', '69', '84', 520_000, 45.764, 4.8357, '69001'),
  commune('38185', 'Grenoble', '38', '84', 158_000, 45.1885, 5.7245, '38000'),
  commune('63113', 'Clermont-Ferrand', '63', '84', 147_000, 45.7772, 3.087, '63000'),
  commune('73065', 'Chambéry', '73', '84', 59_000, 45.5646, 5.9178, '73000'),
  commune('13055', 'Marseille', '13', '93', 870_000, 43.2965, 5.3698, '13001'),
  commune('06088', 'Nice', '06', '93', 342_000, 43.7102, 7.262, '06000'),
  commune('84007', 'Avignon', '84', '93', 91_000, 43.9493, 4.8055, '84000'),
  commune('35238', 'Rennes', '35', '53', 222_000, 48.1173, -1.6778, '35000'),
  commune('29019', 'Brest', '29', '53', 139_000, 48.3904, -4.4861, '29200'),
  commune('44109', 'Nantes', '44', '52', 320_000, 47.2184, -1.5536, '44000'),
  commune('49007', 'Angers', '49', '52', 157_000, 47.4784, -0.5632, '49000'),
  commune('72181', 'Le Mans', '72', '52', 145_000, 48.0061, 0.1996, '72000'),
  commune('33063', 'Bordeaux', '33', '75', 260_000, 44.8378, -0.5792, '33000'),
  commune('79191', 'Niort', '79', '75', 59_000, 46.3237, -0.4648, '79000'),
  commune('87085', 'Limoges', '87', '75', 130_000, 45.8336, 1.2611, '87000'),
  commune('79049', 'Bressuire', '79', '75', 19_000, null, null, '79300'),
  commune('31555', 'Toulouse', '31', '76', 500_000, 43.6047, 1.4442, '31000'),
  commune('34172', 'Montpellier', '34', '76', 300_000, 43.6108, 3.8767, '34000'),
  commune('12202', 'Rodez', '12', '76', 24_000, 44.3506, 2.575, '12000'),
  commune('59350', 'Lille', '59', '32', 236_000, 50.6292, 3.0573, '59000'),
  commune('80021', 'Amiens', '80', '32', 133_000, 49.8941, 2.2958, '80000'),
  commune('62041', 'Arras', '62', '32', 41_000, 50.291, 2.7775, '62000'),
  commune('97411', 'Saint-Denis', '974', '04', 153_000, -20.8823, 55.4504, '97400'),
  commune('97416', 'Saint-Pierre', '974', '04', 85_000, -21.3393, 55.4781, '97410'),
  commune('97101', 'Les Abymes', '971', '01', 53_000, 16.271, -61.5045, '97139'),
  commune('97120', 'Pointe-à-Pitre', '971', '01', 15_000, 16.2411, -61.5331, '97110'),
  commune('97105', 'Basse-Terre', '971', '01', 10_000, 15.9985, -61.7255, '97100'),
];
const COMMUNE_BY_CODE = new Map(COMMUNES.map((c) => [c.code, c]));

/** A sample of the taxonomy (copied, not imported) plus one category the vocabulary does not know. */
const CATEGORIES: DemoCategory[] = [
  { slug: 'tonte-debroussaillage', groupSlug: 'espaces-verts', name: 'Tonte et débroussaillage' },
  { slug: 'elagage-abattage', groupSlug: 'espaces-verts', name: "Élagage et abattage d'arbres" },
  { slug: 'entretien-espaces-verts', groupSlug: 'espaces-verts', name: 'Entretien courant des espaces verts' },
  { slug: 'nettoyage-bureaux', groupSlug: 'proprete-nettoyage', name: 'Nettoyage de bureaux' },
  { slug: 'nettoyage-vitres', groupSlug: 'proprete-nettoyage', name: 'Nettoyage de vitres' },
  { slug: 'plateaux-repas', groupSlug: 'restauration-alimentation', name: 'Plateaux-repas' },
  { slug: 'restauration-collective', groupSlug: 'restauration-alimentation', name: 'Restauration collective' },
  { slug: 'collecte-papiers-cartons', groupSlug: 'dechets-recyclage', name: 'Collecte et recyclage des papiers et cartons' },
  { slug: 'reconditionnement-ordinateurs', groupSlug: 'informatique-numerique', name: "Reconditionnement d'ordinateurs" },
  { slug: 'peinture-interieure', groupSlug: 'batiment-travaux', name: 'Peinture intérieure' },
  { slug: 'second-oeuvre-renovation', groupSlug: 'batiment-travaux', name: 'Second œuvre et rénovation' },
  { slug: 'travail-temporaire-insertion', groupSlug: 'mise-a-disposition', name: "Travail temporaire d'insertion" },
  { slug: 'association-intermediaire', groupSlug: 'mise-a-disposition', name: 'Mise à disposition par une association intermédiaire' },
  { slug: 'alternance-geiq', groupSlug: 'mise-a-disposition', name: 'Recrutement en alternance avec un GEIQ' },
  { slug: 'esat-hors-les-murs', groupSlug: 'mise-a-disposition', name: "Équipes d'ESAT détachées sur site" },
  { slug: 'manutentionnaires-ouvriers', groupSlug: 'mise-a-disposition', name: "Mise à disposition de manutentionnaires et d'ouvriers" },
  { slug: 'assemblage-montage', groupSlug: 'sous-traitance-industrielle', name: 'Assemblage et montage de sous-ensembles' },
  { slug: 'conditionnement-facon', groupSlug: 'logistique-conditionnement', name: 'Conditionnement à façon' },
  { slug: 'preparation-commandes', groupSlug: 'logistique-conditionnement', name: 'Préparation de commandes' },
  { slug: 'lavage-linge-plat', groupSlug: 'blanchisserie-pressing', name: 'Lavage du linge plat' },
  { slug: 'paniers-legumes-bio', groupSlug: 'agriculture-maraichage', name: 'Paniers de légumes bio' },
  { slug: 'couture-retouches', groupSlug: 'textile-artisanat', name: 'Couture et retouches' },
  { slug: 'mobilier-fabrique-atelier', groupSlug: 'mobilier-fournitures', name: 'Mobilier fabriqué en atelier' },
  { slug: 'activite-inconnue', groupSlug: 'groupe-inconnu', name: 'BTP et activités diverses' },
];
const CATEGORY_BY_SLUG = new Map(CATEGORIES.map((c) => [c.slug, c]));

const KIND_TARGETS: Record<SupplierKind, number> = {
  [SupplierKind.ACI]: 26,
  [SupplierKind.EI]: 20,
  [SupplierKind.AI]: 12,
  [SupplierKind.ESAT]: 17,
  [SupplierKind.EA]: 10,
  [SupplierKind.ETTI]: 7,
  [SupplierKind.GEIQ]: 5,
  [SupplierKind.EITI]: 1.5,
  [SupplierKind.EATT]: 1.5,
};
const STAFF_KINDS = new Set([SupplierKind.AI, SupplierKind.ETTI, SupplierKind.EATT, SupplierKind.GEIQ]);

function generate(count: number, seed?: number): DemoSupplier[] {
  return [...generateDemoSuppliers({ count, seed, communes: COMMUNES, categories: CATEGORIES })];
}

/** What a buyer must commit to reach the offering: max(priceFrom, minimumOrderAmount); null on quote. */
function entryAmount(offering: DemoOffering): number | null {
  if (offering.priceFrom === null) return null;
  return Math.max(offering.priceFrom, offering.minimumOrderAmount ?? 0);
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Number(value.toFixed(2)) === value;
}

function expectAreaShape(area: ServiceArea, supplierCommune: DemoCommune): void {
  switch (area.kind) {
    case ServiceAreaKind.NATIONAL:
      expect(area).toEqual({ kind: ServiceAreaKind.NATIONAL, regionCodes: [], departementCodes: [], radiusKm: null });
      break;
    case ServiceAreaKind.REGIONS:
      expect(area.departementCodes).toEqual([]);
      expect(area.radiusKm).toBeNull();
      expect(area.regionCodes.length).toBeGreaterThanOrEqual(1);
      expect(area.regionCodes.length).toBeLessThanOrEqual(2);
      expect(area.regionCodes).toContain(supplierCommune.regionCode);
      expect(new Set(area.regionCodes).size).toBe(area.regionCodes.length);
      break;
    case ServiceAreaKind.DEPARTEMENTS: {
      expect(area.regionCodes).toEqual([]);
      expect(area.radiusKm).toBeNull();
      expect(area.departementCodes.length).toBeGreaterThanOrEqual(1);
      expect(area.departementCodes.length).toBeLessThanOrEqual(4);
      expect(area.departementCodes).toContain(supplierCommune.departementCode);
      expect(new Set(area.departementCodes).size).toBe(area.departementCodes.length);
      const regionsOfDepartements = new Set(
        area.departementCodes.map((code) => COMMUNES.find((c) => c.departementCode === code)!.regionCode),
      );
      expect([...regionsOfDepartements]).toEqual([supplierCommune.regionCode]);
      break;
    }
    case ServiceAreaKind.RADIUS:
      expect(area.regionCodes).toEqual([]);
      expect(area.departementCodes).toEqual([]);
      expect(area.radiusKm).not.toBeNull();
      expect(area.radiusKm!).toBeGreaterThanOrEqual(10);
      expect(area.radiusKm!).toBeLessThanOrEqual(100);
      expect(Number.isInteger(area.radiusKm)).toBe(true);
      break;
    default:
      throw new Error(`unexpected area kind ${String(area.kind)}`);
  }
}

describe('DemoRandom', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = new DemoRandom(42);
    const b = new DemoRandom(42);
    const c = new DemoRandom(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('French prepositions for commune names', () => {
  it('contracts articles and elides before vowels', () => {
    expect(deCommune('Rennes')).toBe('de Rennes');
    expect(deCommune('Angers')).toBe("d'Angers");
    expect(deCommune('Le Mans')).toBe('du Mans');
    expect(deCommune('Les Abymes')).toBe('des Abymes');
    expect(deCommune('La Rochelle')).toBe('de La Rochelle');
    expect(aCommune('Le Mans')).toBe('au Mans');
    expect(aCommune('Les Abymes')).toBe('aux Abymes');
    expect(aCommune('Lyon')).toBe('à Lyon');
  });
});

describe('generateDemoSuppliers', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const first = generate(300, 7);
    const second = generate(300, 7);
    expect(second).toEqual(first);
    const other = generate(300, 8);
    expect(other.map((s) => s.siret)).not.toEqual(first.map((s) => s.siret));
    expect(other.map((s) => s.legalName)).not.toEqual(first.map((s) => s.legalName));
    // A longer run starts with the same suppliers (streaming, no look-ahead).
    expect(generate(100, 7)).toEqual(first.slice(0, 100));
  });

  it('places suppliers without a position when no commune has coordinates (no centres file)', () => {
    const withoutCentres = COMMUNES.map((c) => ({ ...c, latitude: null, longitude: null, bbox: null }));
    const suppliers = [...generateDemoSuppliers({ count: 50, seed: 3, communes: withoutCentres, categories: CATEGORIES })];
    expect(suppliers).toHaveLength(50);
    for (const s of suppliers) {
      expect(s.latitude).toBeNull();
      expect(s.longitude).toBeNull();
      expect(s.positionIsCommuneCentre).toBe(false);
      expect(COMMUNE_BY_CODE.has(s.communeCode)).toBe(true);
    }
  });

  it('uses a default seed', () => {
    expect(generate(20)).toEqual(generate(20));
  });

  it('refuses impossible options', () => {
    const run = (options: Partial<Parameters<typeof generateDemoSuppliers>[0]>) => () =>
      [...generateDemoSuppliers({ count: 1, communes: COMMUNES, categories: CATEGORIES, ...options })];
    expect(run({ count: -1 })).toThrow(RangeError);
    expect(run({ count: 1.5 })).toThrow(RangeError);
    expect(run({ communes: [] })).toThrow(RangeError);
    expect(run({ categories: [] })).toThrow(RangeError);
    expect(generate(0)).toEqual([]);
  });

  describe('on 2 000 suppliers', () => {
    const suppliers = generate(2000, 12345);
    const offerings = suppliers.flatMap((s) => s.offerings);

    it('gives valid and unique SIRETs, never La Poste ones', () => {
      expect(suppliers).toHaveLength(2000);
      for (const s of suppliers) {
        expect(isValidSiret(s.siret), s.siret).toBe(true);
        expect(s.siret.startsWith('356000000')).toBe(false);
      }
      expect(new Set(suppliers.map((s) => s.siret)).size).toBe(2000);
    });

    it('marks every name as a demo and uses reserved contact details', () => {
      for (const s of suppliers) {
        expect(s.legalName.endsWith(' (démo)'), s.legalName).toBe(true);
        if (s.brandName !== null) expect(s.brandName.endsWith(' (démo)'), s.brandName).toBe(true);
        if (s.email !== null) expect(s.email).toMatch(/^[a-z]+@[a-z0-9-]+\.example\.org$/);
        if (s.website !== null) expect(s.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.org$/);
        if (s.phone !== null) expect(s.phone).toMatch(/^\+33 1 99 00 \d\d \d\d$/);
        expect(s.address).toMatch(/\d+( bis)? (rue|avenue|chemin|impasse|allée|route|boulevard) /);
        expect(s.description.length).toBeGreaterThan(40);
      }
      // A brand only where the legal name carries a legal form ("Association Tremplin Emploi 57").
      const brands = suppliers.filter((s) => s.brandName !== null).length / suppliers.length;
      expect(brands).toBeGreaterThan(0.45);
      expect(brands).toBeLessThan(0.75);
      for (const s of suppliers.filter((x) => x.brandName !== null)) {
        expect(s.legalName.endsWith(` ${s.brandName}`), s.legalName).toBe(true);
      }
      expect(new Set(suppliers.map((s) => s.legalName)).size).toBeGreaterThan(1000);
      const websites = suppliers.flatMap((s) => (s.website ? [s.website] : []));
      expect(new Set(websites).size).toBe(websites.length);
    });

    it('keeps kind shares within 3 points of the targets', () => {
      for (const kind of Object.values(SupplierKind)) {
        const share = (suppliers.filter((s) => s.kind === kind).length / suppliers.length) * 100;
        expect(Math.abs(share - KIND_TARGETS[kind]), `${kind}: ${share.toFixed(1)} %`).toBeLessThanOrEqual(3);
      }
    });

    it('places suppliers in every région and every département with coordinates', () => {
      const communes = suppliers.map((s) => COMMUNE_BY_CODE.get(s.communeCode)!);
      expect(communes.every((c) => c !== undefined && c.latitude !== null)).toBe(true);
      const usable = COMMUNES.filter((c) => c.latitude !== null);
      expect(new Set(communes.map((c) => c.regionCode))).toEqual(new Set(usable.map((c) => c.regionCode)));
      expect(new Set(communes.map((c) => c.departementCode))).toEqual(new Set(usable.map((c) => c.departementCode)));
      // Paris outweighs the rest but does not swallow everything.
      const paris = communes.filter((c) => c.code === '75056').length / communes.length;
      expect(paris).toBeGreaterThan(0.1);
      expect(paris).toBeLessThan(0.35);
    });

    it('positions suppliers inside their commune box, about 15 % at the centre', () => {
      for (const s of suppliers) {
        const c = COMMUNE_BY_CODE.get(s.communeCode)!;
        expect(c.postalCodes).toContain(s.postalCode);
        if (s.positionIsCommuneCentre) {
          expect([s.latitude, s.longitude]).toEqual([c.latitude, c.longitude]);
        } else {
          const [minLon, minLat, maxLon, maxLat] = c.bbox!;
          expect(s.longitude!).toBeGreaterThanOrEqual(minLon - 1e-6);
          expect(s.longitude!).toBeLessThanOrEqual(maxLon + 1e-6);
          expect(s.latitude!).toBeGreaterThanOrEqual(minLat - 1e-6);
          expect(s.latitude!).toBeLessThanOrEqual(maxLat + 1e-6);
        }
      }
      const centres = suppliers.filter((s) => s.positionIsCommuneCentre).length / suppliers.length;
      expect(centres).toBeGreaterThan(0.1);
      expect(centres).toBeLessThan(0.2);
    });

    it('classifies suppliers in 1 to 4 known categories, fitting their kind', () => {
      for (const s of suppliers) {
        expect(s.categorySlugs.length).toBeGreaterThanOrEqual(1);
        expect(s.categorySlugs.length).toBeLessThanOrEqual(4);
        expect(new Set(s.categorySlugs).size).toBe(s.categorySlugs.length);
        for (const slug of s.categorySlugs) expect(CATEGORY_BY_SLUG.has(slug)).toBe(true);
      }
      const staffKinds = suppliers.filter((s) => STAFF_KINDS.has(s.kind));
      const withStaffGroup = staffKinds.filter((s) =>
        s.categorySlugs.some((slug) => CATEGORY_BY_SLUG.get(slug)!.groupSlug === 'mise-a-disposition'),
      );
      expect(withStaffGroup.length / staffKinds.length).toBeGreaterThan(0.4);
      const restricted: Record<string, SupplierKind[]> = {
        'travail-temporaire-insertion': [SupplierKind.ETTI],
        'association-intermediaire': [SupplierKind.AI],
        'alternance-geiq': [SupplierKind.GEIQ],
        'esat-hors-les-murs': [SupplierKind.ESAT],
      };
      for (const s of suppliers) {
        for (const slug of s.categorySlugs) if (restricted[slug]) expect(restricted[slug]).toContain(s.kind);
      }
      for (const slug of Object.keys(restricted)) expect(suppliers.some((s) => s.categorySlugs.includes(slug))).toBe(true);
      expect(suppliers.some((s) => s.categorySlugs.includes('activite-inconnue'))).toBe(true);
      const aci = suppliers.filter((s) => s.kind === SupplierKind.ACI);
      const aciGreen = aci.filter((s) =>
        s.categorySlugs.some((slug) =>
          ['espaces-verts', 'dechets-recyclage', 'agriculture-maraichage'].includes(CATEGORY_BY_SLUG.get(slug)!.groupSlug),
        ),
      );
      expect(aciGreen.length / aci.length).toBeGreaterThan(0.4);
    });

    it('gives service types consistent with the kind and with the offerings', () => {
      for (const s of suppliers) {
        expect(s.serviceTypes.length).toBeGreaterThanOrEqual(1);
        expect(s.serviceTypes.length).toBeLessThanOrEqual(3);
        expect(new Set(s.serviceTypes).size).toBe(s.serviceTypes.length);
        for (const o of s.offerings) expect(s.serviceTypes).toContain(o.serviceType);
        if (STAFF_KINDS.has(s.kind)) expect(s.serviceTypes).toContain(ServiceType.STAFF_PROVISION);
        if (s.kind === SupplierKind.GEIQ) expect(s.serviceTypes).toEqual([ServiceType.STAFF_PROVISION]);
      }
    });

    it('gives well-formed service areas, local for most, national for a few networks only', () => {
      const counts = new Map<ServiceAreaKind, number>();
      for (const s of suppliers) {
        expectAreaShape(s.serviceArea, COMMUNE_BY_CODE.get(s.communeCode)!);
        counts.set(s.serviceArea.kind, (counts.get(s.serviceArea.kind) ?? 0) + 1);
      }
      const share = (kind: ServiceAreaKind) => (counts.get(kind) ?? 0) / suppliers.length;
      expect(share(ServiceAreaKind.NATIONAL)).toBeGreaterThan(0);
      expect(share(ServiceAreaKind.NATIONAL)).toBeLessThan(0.03);
      expect(share(ServiceAreaKind.REGIONS)).toBeGreaterThan(0.06);
      expect(share(ServiceAreaKind.REGIONS)).toBeLessThan(0.18);
      expect(share(ServiceAreaKind.DEPARTEMENTS)).toBeGreaterThan(0.33);
      expect(share(ServiceAreaKind.DEPARTEMENTS)).toBeLessThan(0.48);
      expect(share(ServiceAreaKind.RADIUS)).toBeGreaterThan(0.38);
      expect(share(ServiceAreaKind.RADIUS)).toBeLessThan(0.52);
      // AI and ACI are local by nature; national networks are ETTI, EA, EATT, EITI and rare GEIQ.
      const nationalKinds = new Set(suppliers.filter((s) => s.serviceArea.kind === ServiceAreaKind.NATIONAL).map((s) => s.kind));
      for (const kind of nationalKinds) {
        expect([SupplierKind.ETTI, SupplierKind.EA, SupplierKind.EATT, SupplierKind.EITI, SupplierKind.GEIQ]).toContain(kind);
      }
      for (const s of suppliers.filter((x) => x.kind === SupplierKind.AI || x.kind === SupplierKind.ACI)) {
        const areas = [s.serviceArea, ...s.offerings.flatMap((o) => (o.serviceAreaOverride ? [o.serviceAreaOverride] : []))];
        expect(areas.map((a) => a.kind), s.legalName).not.toContain(ServiceAreaKind.NATIONAL);
      }
      // Overseas structures are no national networks.
      for (const s of suppliers) {
        if (COMMUNE_BY_CODE.get(s.communeCode)!.departementCode.length === 3) expect(s.serviceArea.kind).not.toBe(ServiceAreaKind.NATIONAL);
      }
      // Overseas régions have no neighbour.
      for (const s of suppliers) {
        const c = COMMUNE_BY_CODE.get(s.communeCode)!;
        if (['01', '04'].includes(c.regionCode) && s.serviceArea.kind === ServiceAreaKind.REGIONS) {
          expect(s.serviceArea.regionCodes).toEqual([c.regionCode]);
        }
      }
    });

    it('gives 1 to 6 offerings in the supplier categories, with distinct titles', () => {
      for (const s of suppliers) {
        expect(s.offerings.length).toBeGreaterThanOrEqual(1);
        expect(s.offerings.length).toBeLessThanOrEqual(6);
        expect(new Set(s.offerings.map((o) => o.title)).size).toBe(s.offerings.length);
        for (const o of s.offerings) {
          expect(s.categorySlugs).toContain(o.categorySlug);
          expect(o.title).not.toMatch(/[{}]/);
          expect(o.description).not.toMatch(/[{}]/);
          expect(o.description.length).toBeGreaterThan(20);
        }
      }
      const average = offerings.length / suppliers.length;
      expect(average).toBeGreaterThan(2.5);
      expect(average).toBeLessThan(4);
    });

    it('respects price invariants', () => {
      for (const o of offerings) {
        const onQuote = o.priceFrom === null;
        expect(o.priceUnit === null).toBe(onQuote);
        if (onQuote) {
          expect(o.priceTo).toBeNull();
        } else {
          expect(o.priceFrom!).toBeGreaterThan(0);
          expect(hasAtMostTwoDecimals(o.priceFrom!)).toBe(true);
          if (o.priceTo !== null) {
            expect(o.priceTo).toBeGreaterThan(o.priceFrom!);
            expect(hasAtMostTwoDecimals(o.priceTo)).toBe(true);
          }
          expect(Object.values(PriceUnit)).toContain(o.priceUnit);
        }
        if (o.minimumOrderAmount !== null) {
          expect(o.minimumOrderAmount).toBeGreaterThanOrEqual(50);
          expect(o.minimumOrderAmount).toBeLessThanOrEqual(5000);
        }
        if (o.leadTimeDays !== null) {
          expect(Number.isInteger(o.leadTimeDays)).toBe(true);
          expect(o.leadTimeDays).toBeGreaterThanOrEqual(1);
          expect(o.leadTimeDays).toBeLessThanOrEqual(60);
        }
        if (o.serviceAreaOverride !== null) expect(Object.values(ServiceAreaKind)).toContain(o.serviceAreaOverride.kind);
        if (o.priceUnit === PriceUnit.HOUR) {
          expect(o.priceFrom!).toBeGreaterThanOrEqual(25);
          expect(o.priceFrom!).toBeLessThanOrEqual(60);
        }
        if (o.priceUnit === PriceUnit.DAY) {
          expect(o.priceFrom!).toBeGreaterThanOrEqual(180);
          expect(o.priceFrom!).toBeLessThanOrEqual(600);
        }
        if (o.priceUnit === PriceUnit.MEAL) {
          expect(o.priceFrom!).toBeGreaterThanOrEqual(6);
          expect(o.priceFrom!).toBeLessThanOrEqual(15);
        }
        if (o.priceUnit === PriceUnit.FLAT) {
          expect(o.priceFrom!).toBeGreaterThanOrEqual(150);
          expect(o.priceFrom!).toBeLessThanOrEqual(120_000);
        }
      }
      const quoteOnly = offerings.filter((o) => o.priceFrom === null).length / offerings.length;
      expect(quoteOnly).toBeGreaterThan(0.07);
      expect(quoteOnly).toBeLessThan(0.13);
      const expensive = offerings.filter((o) => (o.priceFrom ?? 0) > 40_000).length / offerings.length;
      // About 10 % on the full taxonomy; this sample is richer in large contracts.
      expect(expensive).toBeGreaterThan(0.04);
      expect(expensive).toBeLessThan(0.2);
      const overridden = offerings.filter((o) => o.serviceAreaOverride !== null).length / offerings.length;
      expect(overridden).toBeGreaterThan(0.06);
      expect(overridden).toBeLessThan(0.14);
    });

    it('lets most suppliers be bought from under 15 000 € HT', () => {
      const affordable = suppliers.filter((s) =>
        s.offerings.some((o) => {
          const entry = entryAmount(o);
          return entry !== null && entry <= 15_000;
        }),
      );
      expect(affordable.length / suppliers.length).toBeGreaterThanOrEqual(0.6);
    });

    it('gives override service areas of a valid shape', () => {
      for (const s of suppliers) {
        for (const o of s.offerings) {
          if (o.serviceAreaOverride !== null) expectAreaShape(o.serviceAreaOverride, COMMUNE_BY_CODE.get(s.communeCode)!);
        }
      }
    });

    it('fills tags, headcount and update dates sensibly', () => {
      for (const s of suppliers) {
        expect(s.tags.length).toBeLessThanOrEqual(3);
        expect(new Set(s.tags).size).toBe(s.tags.length);
        if (s.headcount !== null) expect(s.headcount).toBeGreaterThan(0);
        expect(s.sourceUpdatedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
        expect(s.sourceUpdatedAt.getTime()).toBeLessThan(Date.UTC(2026, 10, 1));
      }
      expect(suppliers.some((s) => s.tags.includes('Réseau Gesat'))).toBe(true);
      for (const s of suppliers.filter((x) => x.tags.includes('UNEA'))) {
        expect([SupplierKind.EA, SupplierKind.EATT]).toContain(s.kind);
      }
      // Every tag has a reason: the supplier's kind, or one of its activities.
      const specs = new Map(TAGS.map((tag) => [tag.label, tag]));
      for (const s of suppliers) {
        for (const label of s.tags) {
          const tag = specs.get(label)!;
          if (tag.kinds) expect(tag.kinds, label).toContain(s.kind);
          if (tag.categories) expect(s.categorySlugs.some((slug) => tag.categories!.includes(slug)), `${label}: ${s.categorySlugs}`).toBe(true);
        }
      }
    });

    it('names structures with words, uniquely within a département, and describes them by that name', () => {
      const keys = new Set<string>();
      for (const s of suppliers) {
        const name = (s.brandName ?? s.legalName).slice(0, -' (démo)'.length);
        expect(name, 'not initials').toMatch(/\p{Ll}\p{Ll}/u);
        const key = `${COMMUNE_BY_CODE.get(s.communeCode)!.departementCode}|${name.toLowerCase()}`;
        expect(keys.has(key), key).toBe(false);
        keys.add(key);
        expect(s.description).toContain(name);
      }
    });
  });

  it('places no supplier where no SIAE or EA can exist, unless nothing else is given', () => {
    const noumea = commune('98818', 'Nouméa', '988', '988', 94_000, -22.2758, 166.458, '98800');
    const suppliers = [...generateDemoSuppliers({ count: 300, seed: 5, communes: [...COMMUNES, noumea], categories: CATEGORIES })];
    expect(suppliers.filter((s) => s.communeCode === noumea.code)).toEqual([]);
    const only = [...generateDemoSuppliers({ count: 5, seed: 5, communes: [noumea], categories: CATEGORIES })];
    expect(only.map((s) => s.communeCode)).toEqual(Array(5).fill(noumea.code));
  });

  it('scales to 100 000 suppliers in one streamed pass', () => {
    let count = 0;
    let offerings = 0;
    const sirets = new Set<string>();
    for (const s of generateDemoSuppliers({ count: 100_000, seed: 99, communes: COMMUNES, categories: CATEGORIES })) {
      count++;
      offerings += s.offerings.length;
      sirets.add(s.siret);
    }
    expect(count).toBe(100_000);
    expect(sirets.size).toBe(100_000);
    expect(offerings).toBeGreaterThan(250_000);
  });
});
