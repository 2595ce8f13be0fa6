import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

export enum CommuneKind {
  COMMUNE = 'COMMUNE',
  /** Municipal arrondissement of Paris, Lyon or Marseille. */
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

/** Bounding box columns shared by régions and départements (from their communes). */
abstract class BoundedTerritory {
  @Column({ name: 'min_latitude', type: 'double precision', nullable: true })
  minLatitude!: number | null;

  @Column({ name: 'min_longitude', type: 'double precision', nullable: true })
  minLongitude!: number | null;

  @Column({ name: 'max_latitude', type: 'double precision', nullable: true })
  maxLatitude!: number | null;

  @Column({ name: 'max_longitude', type: 'double precision', nullable: true })
  maxLongitude!: number | null;
}

@Entity('region')
export class RegionEntity extends BoundedTerritory {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;
}

@Entity('departement')
export class DepartementEntity extends BoundedTerritory {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code' })
  region?: Relation<RegionEntity>;
}

@Entity('commune')
export class CommuneEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;

  @Column({ type: 'enum', enum: CommuneKind, enumName: 'commune_kind' })
  kind!: CommuneKind;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'departement_code', type: 'text' })
  departementCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'postal_codes', type: 'text', array: true })
  postalCodes!: string[];

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ name: 'centre_approximate', type: 'boolean' })
  centreApproximate!: boolean;
}
