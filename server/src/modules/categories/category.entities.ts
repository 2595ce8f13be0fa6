import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

@Entity('category_group')
// Under 63: a supplier's groups are a bit mask in supplier_search.
@Check('category_group_id_check', 'id < 63')
export class CategoryGroupEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer' })
  position!: number;
}

@Entity('category')
@Index('category_group_idx', ['groupId'])
export class CategoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ name: 'group_id', type: 'integer' })
  groupId!: number;

  @ManyToOne(() => CategoryGroupEntity)
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'category_group_id_fkey' })
  group?: Relation<CategoryGroupEntity>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ name: 'cpv_prefixes', type: 'text', array: true, default: () => "'{}'" })
  cpvPrefixes!: string[];

  @Column({ type: 'integer' })
  position!: number;
}
