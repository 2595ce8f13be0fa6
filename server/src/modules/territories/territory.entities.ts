import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

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
@Index('departement_region_idx', ['regionCode'])
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
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'departement_region_code_fkey' })
  region?: Relation<RegionEntity>;
}

@Entity('commune')
@Check('commune_check', '(latitude IS NULL) = (longitude IS NULL)')
@Check('commune_check1', `(kind = 'ARRONDISSEMENT') = (parent_code IS NOT NULL)`)
// Trigram (gin_trgm_ops) and prefix (text_pattern_ops) indexes: TypeORM cannot declare operator classes.
@Index('commune_search_name_trgm_idx', { synchronize: false })
@Index('commune_search_name_prefix_idx', { synchronize: false })
@Index('commune_postal_codes_idx', ['postalCodes'], { type: 'gin' })
@Index('commune_departement_idx', ['departementCode'])
@Index('commune_parent_idx', ['parentCode'])
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
  @ForeignKey(() => CommuneEntity, { name: 'commune_parent_code_fkey' })
  parentCode!: string | null;

  @Column({ name: 'departement_code', type: 'text' })
  @ForeignKey(() => DepartementEntity, { name: 'commune_departement_code_fkey' })
  departementCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  @ForeignKey(() => RegionEntity, { name: 'commune_region_code_fkey' })
  regionCode!: string;

  @Column({ name: 'postal_codes', type: 'text', array: true, default: () => "'{}'" })
  postalCodes!: string[];

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ name: 'centre_approximate', type: 'boolean', default: false })
  centreApproximate!: boolean;
}
