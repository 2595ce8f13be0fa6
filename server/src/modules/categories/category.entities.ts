import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

@Entity('category_group')
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
export class CategoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ name: 'group_id', type: 'integer' })
  groupId!: number;

  @ManyToOne(() => CategoryGroupEntity)
  @JoinColumn({ name: 'group_id' })
  group?: Relation<CategoryGroupEntity>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ name: 'cpv_prefixes', type: 'text', array: true })
  cpvPrefixes!: string[];

  @Column({ type: 'integer' })
  position!: number;
}
