import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import { CommuneKind, type CommuneEntity, type DepartementEntity, type RegionEntity } from './territory.entities.js';
import { TerritoryKind } from './territory.service.js';

export { CommuneKind, TerritoryKind };

registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'Whether a commune is a full commune or a municipal arrondissement.',
  valuesConfig: {
    COMMUNE: { description: 'A commune: the basic French municipality, with its mayor and council.' },
    ARRONDISSEMENT: {
      description: 'A municipal arrondissement ("arrondissement municipal"): a district of Paris, Lyon or Marseille, with its own INSEE code.',
    },
  },
});

registerEnumType(TerritoryKind, {
  name: 'TerritoryKind',
  description: 'Level of a French administrative territory.',
  valuesConfig: {
    COMMUNE: { description: 'Commune (municipality), including municipal arrondissements of Paris, Lyon and Marseille.' },
    DEPARTEMENT: { description: 'Département: the level between région and commune (101, e.g. "Moselle", code 57), or an overseas collectivity standing as one.' },
    REGION: { description: 'Région: the largest administrative level (18, e.g. "Grand Est"), or an overseas collectivity standing as one.' },
  },
});

@ObjectType('GeoPoint', { description: 'A point on the map, WGS84 coordinates in degrees.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees, from -90 (south) to 90 (north).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees, from -180 (west) to 180 (east).' })
  longitude!: number;

  static of(latitude: number, longitude: number): GeoPoint {
    return Object.assign(new GeoPoint(), { latitude, longitude });
  }
}

@ObjectType('Region', {
  implements: Node,
  description:
    'A région, the largest French administrative territory (e.g. "Grand Est"). Overseas collectivities that have ' +
    'no région (e.g. "Polynésie française") appear as a région of their own, with a 3-digit code.',
})
export class Region implements Node {
  @Field(() => ID, { description: 'Global ID, derived from the INSEE code: the same on every deployment.' })
  id!: string;

  @Field(() => String, { description: 'INSEE code of the région, e.g. "44" (Grand Est) or "04" (La Réunion).' })
  code!: string;

  @Field(() => String, { description: 'Official name, in French, e.g. "Grand Est".' })
  name!: string;

  static from(entity: RegionEntity): Region {
    return Object.assign(new Region(), {
      id: toGlobalId('Region', entity.code),
      code: entity.code,
      name: entity.name,
    });
  }
}

@ObjectType('Departement', {
  implements: Node,
  description:
    'A département, the level between région and commune (e.g. "Moselle"). Overseas collectivities that have no ' +
    'département (e.g. "Saint-Martin") appear as a département of their own, with a 3-digit code.',
})
export class Departement implements Node {
  @Field(() => ID, { description: 'Global ID, derived from the INSEE code: the same on every deployment.' })
  id!: string;

  @Field(() => String, { description: 'INSEE code of the département: "57", "2A" / "2B" (Corsica), "971" (overseas).' })
  code!: string;

  @Field(() => String, { description: 'Official name, in French, e.g. "Moselle".' })
  name!: string;

  /** For the `region` field resolver. */
  regionCode!: string;

  static from(entity: DepartementEntity): Departement {
    return Object.assign(new Departement(), {
      id: toGlobalId('Departement', entity.code),
      code: entity.code,
      name: entity.name,
      regionCode: entity.regionCode,
    });
  }
}

@ObjectType('Commune', {
  implements: Node,
  description:
    'A commune (French municipality), or a municipal arrondissement of Paris, Lyon or Marseille (see `kind`).',
})
export class Commune implements Node {
  @Field(() => ID, { description: 'Global ID, derived from the INSEE code: the same on every deployment.' })
  id!: string;

  @Field(() => String, {
    description: 'INSEE code ("code officiel géographique"), e.g. "57463" for Metz, "2A004" for Ajaccio. Not the postal code.',
  })
  code!: string;

  @Field(() => String, { description: 'Official name, in French, e.g. "Saint-Étienne".' })
  name!: string;

  @Field(() => CommuneKind, { description: 'Commune, or municipal arrondissement of Paris, Lyon or Marseille.' })
  kind!: CommuneKind;

  @Field(() => [String], {
    description: 'Postal codes ("codes postaux") of the commune; one commune may have several, and one may be shared. Empty for a few uninhabited overseas districts.',
  })
  postalCodes!: string[];

  @Field(() => Int, { nullable: true, description: 'Legal population (INSEE); null when not published.' })
  population!: number | null;

  @Field(() => GeoPoint, {
    nullable: true,
    description: 'Centre of the commune (middle of its bounding box, about 100 m precision); null when this server has no commune centres.',
  })
  centre!: GeoPoint | null;

  @Field(() => Boolean, {
    description: 'True when `centre` is borrowed from a neighbouring area (recently restored communes), so only roughly right.',
  })
  centreApproximate!: boolean;

  /** Raw codes, for field resolvers. */
  departementCode!: string;
  regionCode!: string;
  parentCode!: string | null;

  static from(entity: CommuneEntity): Commune {
    return Object.assign(new Commune(), {
      id: toGlobalId('Commune', entity.code),
      code: entity.code,
      name: entity.name,
      kind: entity.kind,
      postalCodes: entity.postalCodes,
      population: entity.population,
      centre: entity.latitude !== null && entity.longitude !== null ? GeoPoint.of(entity.latitude, entity.longitude) : null,
      centreApproximate: entity.centreApproximate,
      departementCode: entity.departementCode,
      regionCode: entity.regionCode,
      parentCode: entity.parentCode,
    });
  }
}

export const Territory = createUnionType({
  name: 'Territory',
  description: 'A commune, a département or a région.',
  types: () => [Commune, Departement, Region] as const,
  resolveType: (value) => {
    if (value instanceof Commune) return Commune;
    if (value instanceof Departement) return Departement;
    return Region;
  },
});

export type Territory = Commune | Departement | Region;
