import type { EntityManager } from 'typeorm';
import { CategoryEntity, CategoryGroupEntity } from '../../categories/category.entities.js';
import { CommuneEntity, DepartementEntity, RegionEntity } from '../../territories/territory.entities.js';
import { FILLER_WORDS, SYNONYM_GROUPS } from '../buyer-vocabulary.js';
import { CATEGORY_LEXEMES_SQL, WORD_LEXEMES_SQL } from './directory-index.sql.js';
import { distanceKm } from '../../territories/geo-distance.js';
import type { TerritoryLookup } from '../territory-zone.js';
import { splitLexemes } from './text-index.js';

/** The words of a category, stemmed as documents are. */
export interface CategoryWords {
  /** Its name: a supplier active in it has it as its activity. */
  name: ReadonlySet<string>;
  /** Its keywords and its group's name. */
  keywords: ReadonlySet<string>;
}

/**
 * What searches resolve against besides the suppliers: the taxonomy, the territories and the
 * buyer vocabulary, held in memory beside the directory index. All of it changes only when
 * the reference data is loaded (at start, by the seeds), and it is read again with every
 * full load of the index. Supplier searches read it instead of the database, and prime the
 * request's loaders with what their page shows: a search costs no statement for them.
 */
export class DirectoryReference {
  readonly categories = new Map<number, CategoryEntity>();
  readonly categoryBySlug = new Map<string, CategoryEntity>();
  readonly groups = new Map<number, CategoryGroupEntity>();
  readonly groupBySlug = new Map<string, CategoryGroupEntity>();
  /** Categories of each group, in display order. */
  readonly categoriesByGroup = new Map<number, CategoryEntity[]>();
  readonly categoryWords = new Map<number, CategoryWords>();
  readonly regions = new Map<string, RegionEntity>();
  readonly departements = new Map<string, DepartementEntity>();
  readonly communes = new Map<string, CommuneEntity>();
  /** Départements of each région, by code. */
  readonly departementsByRegion = new Map<string, DepartementEntity[]>();
  /** Lexemes of FILLER_WORDS: dropped from queries. */
  readonly fillerLexemes = new Set<string>();
  /** Lexeme → the lexemes of its synonyms (SYNONYM_GROUPS). */
  readonly synonyms = new Map<string, string[]>();
  /** Largest category id (lookup tables of categories go up to it). */
  maxCategoryId = 0;
  private readonly categoryLexemes = new Set<string>();

  /** Whether a category's name or keywords hold the lexeme. */
  isCategoryLexeme(lexeme: string): boolean {
    return this.categoryLexemes.has(lexeme);
  }

  static async load(manager: EntityManager): Promise<DirectoryReference> {
    const reference = new DirectoryReference();
    // One after the other: the transaction's one connection runs one statement at a time.
    const categories = await manager.getRepository(CategoryEntity).find({ order: { position: 'ASC', id: 'ASC' } });
    const groups = await manager.getRepository(CategoryGroupEntity).find({ order: { position: 'ASC', id: 'ASC' } });
    const regions = await manager.getRepository(RegionEntity).find();
    const departements = await manager.getRepository(DepartementEntity).find({ order: { code: 'ASC' } });
    const communes = await manager.getRepository(CommuneEntity).find();
    const categoryLexemes = await manager.query<{ id: number; name_lexemes: string; keyword_lexemes: string }[]>(CATEGORY_LEXEMES_SQL);
    for (const group of groups) {
      reference.groups.set(group.id, group);
      reference.groupBySlug.set(group.slug, group);
      reference.categoriesByGroup.set(group.id, []);
    }
    for (const category of categories) {
      reference.categories.set(category.id, category);
      reference.categoryBySlug.set(category.slug, category);
      reference.categoriesByGroup.get(category.groupId)?.push(category);
      reference.maxCategoryId = Math.max(reference.maxCategoryId, category.id);
    }
    for (const row of categoryLexemes) {
      const words = { name: new Set(splitLexemes(row.name_lexemes)), keywords: new Set(splitLexemes(row.keyword_lexemes)) };
      reference.categoryWords.set(row.id, words);
      for (const lexeme of [...words.name, ...words.keywords]) reference.categoryLexemes.add(lexeme);
    }
    for (const region of regions) reference.regions.set(region.code, region);
    for (const departement of departements) {
      reference.departements.set(departement.code, departement);
      const list = reference.departementsByRegion.get(departement.regionCode);
      if (list) list.push(departement);
      else reference.departementsByRegion.set(departement.regionCode, [departement]);
    }
    for (const commune of communes) reference.communes.set(commune.code, commune);

    const words = [...new Set([...FILLER_WORDS, ...SYNONYM_GROUPS.flat()])];
    const stems = new Map(
      (await manager.query<{ word: string; lexemes: string }[]>(WORD_LEXEMES_SQL, [words])).map((row) => [row.word, splitLexemes(row.lexemes)]),
    );
    for (const word of FILLER_WORDS) for (const lexeme of stems.get(word) ?? []) reference.fillerLexemes.add(lexeme);
    for (const group of SYNONYM_GROUPS) {
      // Single-lexeme words only: a word the stemmer splits is no synonym of one word.
      const lexemes = group.map((word) => stems.get(word) ?? []).filter((list) => list.length === 1).map(([lexeme]) => lexeme);
      for (const lexeme of lexemes) {
        const others = reference.synonyms.get(lexeme) ?? [];
        for (const other of lexemes) if (other !== lexeme && !others.includes(other)) others.push(other);
        reference.synonyms.set(lexeme, others);
      }
    }
    return reference;
  }

  /** Territories looked up here rather than in the database. */
  territories(): TerritoryLookup {
    return {
      commune: (code) => this.communes.get(code) ?? null,
      departement: (code) => this.departements.get(code) ?? null,
      region: (code) => this.regions.get(code) ?? null,
      departementsOfRegion: (code) => this.departementsByRegion.get(code) ?? [],
      departementsWithin: (centre, radiusKm) =>
        this.departementsWithin(centre.latitude, centre.longitude, radiusKm).map((departement) => ({
          code: departement.code,
          regionCode: departement.regionCode,
        })),
    };
  }

  /** Départements whose bounding box comes within `radiusKm` of a point (as the SQL of territory-zone.ts did). */
  departementsWithin(latitude: number, longitude: number, radiusKm: number): DepartementEntity[] {
    return [...this.departements.values()].filter((departement) => {
      const { minLatitude, minLongitude, maxLatitude, maxLongitude } = departement;
      if (minLatitude === null || minLongitude === null || maxLatitude === null || maxLongitude === null) return false;
      const nearestLatitude = Math.max(minLatitude, Math.min(maxLatitude, latitude));
      const nearestLongitude = Math.max(minLongitude, Math.min(maxLongitude, longitude));
      return distanceKm(latitude, longitude, nearestLatitude, nearestLongitude) <= radiusKm;
    });
  }
}
