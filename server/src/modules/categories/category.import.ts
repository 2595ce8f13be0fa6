import type { SqlRunner } from '../../core/database/sql-runner.js';
import { CATEGORY_TAXONOMY } from './category-taxonomy.js';

/**
 * Makes the database taxonomy equal to the one in code, keyed by slug, so that IDs stay
 * stable across releases. Categories dropped from the code are kept (offerings may point
 * at them); renaming a slug is a migration, not an edit here.
 */
export async function syncCategoryTaxonomy(db: SqlRunner): Promise<void> {
  const groups = [
    CATEGORY_TAXONOMY.map((group) => group.slug),
    CATEGORY_TAXONOMY.map((group) => group.name),
    CATEGORY_TAXONOMY.map((group) => group.description),
    CATEGORY_TAXONOMY.map((_group, index) => index),
  ];
  // Update, then insert only the new groups: INSERT … ON CONFLICT would take an identity
  // value for every row it tries, and group ids must stay under 63 (facet bit masks), so
  // the fourth start would fail.
  await db.query(
    `UPDATE category_group g SET name = u.name, description = u.description, position = u.position
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u(slug, name, description, position)
     WHERE g.slug = u.slug AND (g.name, g.description, g.position) IS DISTINCT FROM (u.name, u.description, u.position)`,
    groups,
  );
  await db.query(
    `INSERT INTO category_group (slug, name, description, position)
     SELECT u.slug, u.name, u.description, u.position
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u(slug, name, description, position)
     WHERE NOT EXISTS (SELECT 1 FROM category_group g WHERE g.slug = u.slug)
     ORDER BY u.position`,
    groups,
  );
  const categories = CATEGORY_TAXONOMY.flatMap((group) =>
    group.categories.map((category) => ({ ...category, groupSlug: group.slug })),
  );
  await db.query(
    `INSERT INTO category (slug, group_id, name, description, keywords, cpv_prefixes, position)
     SELECT c.slug, g.id, c.name, c.description,
            ARRAY(SELECT jsonb_array_elements_text(c.keywords)),
            ARRAY(SELECT jsonb_array_elements_text(c.cpv_prefixes)),
            c.position
     FROM jsonb_to_recordset($1::jsonb)
       AS c(slug text, group_slug text, name text, description text, keywords jsonb, cpv_prefixes jsonb, position int)
     JOIN category_group g ON g.slug = c.group_slug
     ON CONFLICT (slug) DO UPDATE
       SET group_id = excluded.group_id, name = excluded.name, description = excluded.description,
           keywords = excluded.keywords, cpv_prefixes = excluded.cpv_prefixes, position = excluded.position`,
    [
      JSON.stringify(
        categories.map((category, position) => ({
          slug: category.slug,
          group_slug: category.groupSlug,
          name: category.name,
          description: category.description,
          keywords: category.keywords,
          cpv_prefixes: category.cpvPrefixes,
          position,
        })),
      ),
    ],
  );
}
