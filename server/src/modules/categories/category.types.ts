import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import type { CategoryEntity, CategoryGroupEntity } from './category.entities.js';

@ObjectType('CategoryGroup', {
  implements: Node,
  description: 'A group of categories ("secteur d\'activité" family), e.g. "Espaces verts et paysage".',
})
export class CategoryGroup implements Node {
  @Field(() => ID, { description: 'Global ID, derived from the slug: the same on every deployment.' })
  id!: string;

  @Field({ description: 'Stable, readable key, e.g. "espaces-verts". Usable in search filters and URLs.' })
  slug!: string;

  @Field({ description: 'Name shown to buyers, in French.' })
  name!: string;

  @Field({ description: 'One-sentence description, in French.' })
  description!: string;

  /** Database key, for field resolvers. */
  key!: number;

  static from(entity: CategoryGroupEntity): CategoryGroup {
    return Object.assign(new CategoryGroup(), {
      id: toGlobalId('CategoryGroup', entity.slug),
      slug: entity.slug,
      name: entity.name,
      description: entity.description,
      key: entity.id,
    });
  }
}

@ObjectType('Category', {
  implements: Node,
  description: 'A category of what inclusive suppliers sell ("secteur d\'activité"), e.g. "Tonte et débroussaillage".',
})
export class Category implements Node {
  @Field(() => ID, { description: 'Global ID, derived from the slug: the same on every deployment.' })
  id!: string;

  @Field({ description: 'Stable, readable key, e.g. "tonte-debroussaillage". Usable in search filters and URLs.' })
  slug!: string;

  @Field({ description: 'Name shown to buyers, in French.' })
  name!: string;

  @Field({ description: 'One-sentence description, in French.' })
  description!: string;

  @Field(() => [String], { description: 'French synonyms that text search matches, besides the name.' })
  keywords!: string[];

  @Field(() => [String], {
    description: 'Prefixes of CPV codes (Common Procurement Vocabulary) that this category covers; may be empty.',
  })
  cpvPrefixes!: string[];

  key!: number;
  groupKey!: number;

  static from(entity: CategoryEntity): Category {
    return Object.assign(new Category(), {
      id: toGlobalId('Category', entity.slug),
      slug: entity.slug,
      name: entity.name,
      description: entity.description,
      keywords: entity.keywords,
      cpvPrefixes: entity.cpvPrefixes,
      key: entity.id,
      groupKey: entity.groupId,
    });
  }
}
