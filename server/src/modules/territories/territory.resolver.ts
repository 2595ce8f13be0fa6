import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import {
  MAX_TERRITORY_SEARCH_RESULTS,
  TerritoryKind,
  checkedCommuneCode,
  checkedDepartementCode,
  checkedRegionCode,
  listDepartements,
  listRegions,
  searchTerritories,
  type TerritorySearchHit,
} from './territory.service.js';
import { Commune, Departement, Region, Territory } from './territory.types.js';

function toTerritory(hit: TerritorySearchHit): Territory {
  switch (hit.kind) {
    case TerritoryKind.COMMUNE:
      return Commune.from(hit.entity);
    case TerritoryKind.DEPARTEMENT:
      return Departement.from(hit.entity);
    case TerritoryKind.REGION:
      return Region.from(hit.entity);
  }
}

@Resolver()
export class TerritoryResolver {
  @Query(() => [Territory], {
    description:
      'Territories matching what a buyer types, best first: commune names (accents, hyphens, case and small typos ' +
      'ignored), postal codes (exact, or first digits like "570"), INSEE codes, département codes ("57", "2A", "971") ' +
      'and names, région names. For a territory picker.',
  })
  territories(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { description: 'What the buyer typed, e.g. "saint etienne", "57000", "2A" or "Bretagne".' })
    search: string,
    @Arg('kinds', () => [TerritoryKind], { nullable: true, description: 'Only these kinds of territory; all kinds when omitted.' })
    kinds: TerritoryKind[] | null | undefined,
    @Arg('first', () => Int, {
      defaultValue: 10,
      description: `Maximum number of results, from 1 to ${MAX_TERRITORY_SEARCH_RESULTS}.`,
    })
    first: number,
  ): Promise<Territory[]> {
    return searchTerritories(ctx.db, search, kinds ?? null, first).then((hits) => hits.map(toTerritory));
  }

  @Query(() => [Region], { description: 'Every région (including overseas collectivities standing as one), by name.' })
  async regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return (await listRegions(ctx.db)).map(Region.from);
  }

  @Query(() => Region, { nullable: true, description: 'A région by its INSEE code; null when there is none.' })
  async region(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, { description: 'INSEE code of the région, e.g. "44".' }) code: string,
  ): Promise<Region | null> {
    const entity = await ctx.loaders.territories.regionByCode.load(checkedRegionCode(code));
    return entity && Region.from(entity);
  }

  @Query(() => [Departement], { description: 'Départements ordered by code, all of them or those of one région.' })
  async departements(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'INSEE code of a région: only its départements (none for an unknown région).',
    })
    regionCode: string | null | undefined,
  ): Promise<Departement[]> {
    return (await listDepartements(ctx.db, regionCode ?? null)).map(Departement.from);
  }

  @Query(() => Departement, { nullable: true, description: 'A département by its code; null when there is none.' })
  async departement(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, { description: 'Code of the département, e.g. "57", "2A" or "971".' }) code: string,
  ): Promise<Departement | null> {
    const entity = await ctx.loaders.territories.departementByCode.load(checkedDepartementCode(code));
    return entity && Departement.from(entity);
  }

  @Query(() => Commune, {
    nullable: true,
    description: 'A commune or a municipal arrondissement by its INSEE code (not its postal code); null when there is none.',
  })
  async commune(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, { description: 'INSEE code, e.g. "57463" (Metz), "75108" (Paris 8e), "2A004" (Ajaccio).' })
    code: string,
  ): Promise<Commune | null> {
    const entity = await ctx.loaders.territories.communeByCode.load(checkedCommuneCode(code));
    return entity && Commune.from(entity);
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => [Departement], { description: 'Départements of this région, ordered by code.' })
  async departements(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Departement[]> {
    return (await ctx.loaders.territories.departementsByRegionCode.load(region.code)).map(Departement.from);
  }
}

@Resolver(() => Departement)
export class DepartementResolver {
  @FieldResolver(() => Region, { description: 'The région this département belongs to.' })
  async region(@Root() departement: Departement, @Ctx() ctx: RequestContext): Promise<Region> {
    const region = await ctx.loaders.territories.regionByCode.load(departement.regionCode);
    if (!region) throw new Error(`Région ${departement.regionCode} is missing`);
    return Region.from(region);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @FieldResolver(() => Commune, {
    nullable: true,
    description: 'For a municipal arrondissement, the city it belongs to (Paris, Lyon or Marseille); null otherwise.',
  })
  async parent(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Commune | null> {
    if (commune.parentCode === null) return null;
    const parent = await ctx.loaders.territories.communeByCode.load(commune.parentCode);
    return parent && Commune.from(parent);
  }

  @FieldResolver(() => [Commune], {
    description: 'Municipal arrondissements of the city, ordered by code (20 for Paris, 9 for Lyon, 16 for Marseille); empty for other communes.',
  })
  async arrondissements(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Commune[]> {
    return (await ctx.loaders.territories.arrondissementsByCommuneCode.load(commune.code)).map(Commune.from);
  }

  @FieldResolver(() => Departement, { description: 'The département the commune is in.' })
  async departement(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Departement> {
    const departement = await ctx.loaders.territories.departementByCode.load(commune.departementCode);
    if (!departement) throw new Error(`Département ${commune.departementCode} is missing`);
    return Departement.from(departement);
  }

  @FieldResolver(() => Region, { description: 'The région the commune is in.' })
  async region(@Root() commune: Commune, @Ctx() ctx: RequestContext): Promise<Region> {
    const region = await ctx.loaders.territories.regionByCode.load(commune.regionCode);
    if (!region) throw new Error(`Région ${commune.regionCode} is missing`);
    return Region.from(region);
  }
}
