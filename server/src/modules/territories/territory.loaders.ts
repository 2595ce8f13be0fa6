import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CommuneEntity, CommuneKind, DepartementEntity, RegionEntity } from './territory.entities.js';

function byKey<TKey, TRow>(keys: readonly TKey[], rows: TRow[], keyOf: (row: TRow) => TKey): (TRow | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupedByKey<TKey, TRow>(keys: readonly TKey[], rows: TRow[], keyOf: (row: TRow) => TKey): TRow[][] {
  const map = new Map<TKey, TRow[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/** Per-request territory loaders: one query per batch of keys, results in key order. */
export function createTerritoryLoaders(db: DataSource) {
  return {
    /** Région by code, or null. */
    regionByCode: new DataLoader<string, RegionEntity | null>(async (codes) =>
      byKey(codes, await db.getRepository(RegionEntity).findBy({ code: In([...codes]) }), (row) => row.code),
    ),
    /** Département by code, or null. */
    departementByCode: new DataLoader<string, DepartementEntity | null>(async (codes) =>
      byKey(codes, await db.getRepository(DepartementEntity).findBy({ code: In([...codes]) }), (row) => row.code),
    ),
    /** Commune or municipal arrondissement by INSEE code, or null. */
    communeByCode: new DataLoader<string, CommuneEntity | null>(async (codes) =>
      byKey(codes, await db.getRepository(CommuneEntity).findBy({ code: In([...codes]) }), (row) => row.code),
    ),
    /** Départements of each région, ordered by code (empty for an unknown région). */
    departementsByRegionCode: new DataLoader<string, DepartementEntity[]>(async (codes) =>
      groupedByKey(
        codes,
        await db.getRepository(DepartementEntity).find({ where: { regionCode: In([...codes]) }, order: { code: 'ASC' } }),
        (row) => row.regionCode,
      ),
    ),
    /** Municipal arrondissements of each city (Paris, Lyon, Marseille), ordered by code; empty for other communes. */
    arrondissementsByCommuneCode: new DataLoader<string, CommuneEntity[]>(async (codes) =>
      groupedByKey(
        codes,
        await db.getRepository(CommuneEntity).find({
          where: { parentCode: In([...codes]), kind: CommuneKind.ARRONDISSEMENT },
          order: { code: 'ASC' },
        }),
        (row) => row.parentCode!,
      ),
    ),
  };
}

export type TerritoryLoaders = ReturnType<typeof createTerritoryLoaders>;
