import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { addMembership, signedIn } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestServer } from '../../test-support/test-server.js';
import { wrongTypedCursors } from '../../test-support/hostile-input.js';

/**
 * Mirroring the directory over real HTTP and a real PostgreSQL: a mirror pages through
 * `suppliers` / `offerings` in UPDATED_ASC order and through the removal lists, keeps the
 * last cursor of each, and must see every create, update and removal exactly once, even
 * when a transaction commits after later ones.
 */
const app = useTestServer();

interface Page<TNode> {
  edges: { cursor: string; node: TNode }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const FEEDS = {
  suppliers: `query($after: String) { feed: suppliers(first: 2, after: $after, orderBy: UPDATED_ASC) {
    edges { cursor node { id name offerings { id } } } pageInfo { endCursor hasNextPage } } }`,
  offerings: `query($after: String) { feed: offerings(first: 2, after: $after, orderBy: UPDATED_ASC) {
    edges { cursor node { id title } } pageInfo { endCursor hasNextPage } } }`,
  supplierRemovals: `query($after: String) { feed: supplierRemovals(first: 2, after: $after) {
    edges { cursor node { id: supplierId reason } } pageInfo { endCursor hasNextPage } } }`,
  offeringRemovals: `query($after: String) { feed: offeringRemovals(first: 2, after: $after) {
    edges { cursor node { id: offeringId reason } } pageInfo { endCursor hasNextPage } } }`,
};
type Feed = keyof typeof FEEDS;

/** A mirror's position in each feed (null: from the start). */
type Mirror = Record<Feed, string | null>;

function newMirror(): Mirror {
  return { suppliers: null, offerings: null, supplierRemovals: null, offeringRemovals: null };
}

/** Pages a feed from the mirror's cursor to its end; returns the nodes seen, in order. */
async function sync<TNode = { id: string; reason?: string }>(server: TestServer, mirror: Mirror, feed: Feed): Promise<TNode[]> {
  const seen: TNode[] = [];
  for (;;) {
    const response = await server.query<{ feed: Page<TNode> }>(FEEDS[feed], { after: mirror[feed] });
    expect(response.errors).toBeUndefined();
    const page = response.data!.feed;
    seen.push(...page.edges.map((edge) => edge.node));
    // An empty page has no end cursor: the mirror keeps its position.
    mirror[feed] = page.pageInfo.endCursor ?? mirror[feed];
    if (!page.pageInfo.hasNextPage) return seen;
  }
}

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

/**
 * Waits until every transaction begun before now has ended (other test files share the
 * PostgreSQL server, and their transactions hold the sync horizon back for a moment).
 */
async function settled(db: DataSource): Promise<void> {
  const [{ xid }] = await db.query<{ xid: string }[]>('SELECT pg_current_xact_id()::text AS xid');
  for (;;) {
    const [{ passed }] = await db.query<{ passed: boolean }[]>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint > $1::bigint AS passed',
      [xid],
    );
    if (passed) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A supplier write as the application makes it: the row, then its search projection, in one transaction. */
async function writeSupplier(db: DataSource, supplierId: number, set: string): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(`UPDATE supplier SET ${set}, updated_at = now() WHERE id = $1`, [supplierId]);
    await manager.query('SELECT refresh_supplier_search($1::int[])', [[supplierId]]);
  });
}

const supplierId = (key: number) => toGlobalId('Supplier', key);
const offeringId = (key: number) => toGlobalId('Offering', key);

async function offeringKeysOf(db: DataSource, supplierKey: number): Promise<number[]> {
  const rows = await db.query<{ id: number }[]>('SELECT id FROM offering WHERE supplier_id = $1 ORDER BY id', [supplierKey]);
  return rows.map((row) => row.id);
}

describe('suppliers and offerings in UPDATED_ASC order', () => {
  const keys: number[] = [];
  const mirror = newMirror();

  beforeAll(async () => {
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
      keys.push(
        await insertSupplier(app.database.db, {
          legalName: `Sync ${name}`,
          offerings: [{ title: `Offre ${name}`, categorySlug: 'tonte-debroussaillage' }],
        }),
      );
    }
    await settled(app.database.db);
  });

  it('gives every supplier and offering once in a full copy, across pages', async () => {
    const suppliers = await sync<{ id: string; name: string; offerings: { id: string }[] }>(app.server, mirror, 'suppliers');
    expect(ids(suppliers)).toEqual(keys.map(supplierId));
    expect(suppliers.every((supplier) => supplier.offerings.length === 1)).toBe(true);
    const offerings = await sync(app.server, mirror, 'offerings');
    expect(offerings).toHaveLength(5);
    expect(new Set(ids(offerings)).size).toBe(5);
  });

  it('then gives updates and creates once, in commit order, and nothing more', async () => {
    const { db } = app.database;
    await writeSupplier(db, keys[3], `legal_name = 'Sync Delta renommée'`);
    const created = await insertSupplier(db, { legalName: 'Sync Foxtrot', offerings: [{ title: 'Offre Foxtrot', categorySlug: 'tonte-debroussaillage' }] });
    await writeSupplier(db, keys[0], `description = 'Nouvelle description'`);
    await settled(db);

    const suppliers = await sync<{ id: string; name: string }>(app.server, mirror, 'suppliers');
    expect(suppliers.map((supplier) => supplier.name)).toEqual(['Sync Delta renommée', 'Sync Foxtrot', 'Sync Alpha']);
    expect(ids(await sync(app.server, mirror, 'offerings'))).toEqual((await offeringKeysOf(db, created)).map(offeringId));
    expect(await sync(app.server, mirror, 'suppliers')).toEqual([]);
    expect(await sync(app.server, mirror, 'offerings')).toEqual([]);
  });

  it('does not skip a transaction that commits after later ones', async () => {
    const { db } = app.database;
    await settled(db);
    await sync(app.server, mirror, 'offerings');
    await sync(app.server, mirror, 'suppliers');
    // The late one begins and writes first (its transaction id is the lower)…
    const late = db.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    try {
      await late.query(`UPDATE supplier SET legal_name = 'Sync Bravo tardive', updated_at = now() WHERE id = $1`, [keys[1]]);
      await late.query('SELECT refresh_supplier_search($1::int[])', [[keys[1]]]);
      // …another commits meanwhile (offering-only, so it does not wait on the late one's locks)…
      await db.query(`UPDATE offering SET title = 'Offre Echo modifiée' WHERE supplier_id = $1`, [keys[4]]);
      // …and a mirror syncs: the committed change is held back, not passed over.
      expect(await sync(app.server, mirror, 'offerings')).toEqual([]);
      expect(await sync(app.server, mirror, 'suppliers')).toEqual([]);
      await late.commitTransaction();
    } finally {
      await late.release();
    }
    await settled(db);
    const offerings = await sync<{ id: string; title: string }>(app.server, mirror, 'offerings');
    expect(offerings.map((offering) => offering.title)).toEqual(['Offre Echo modifiée']);
    const suppliers = await sync<{ id: string; name: string }>(app.server, mirror, 'suppliers');
    expect(suppliers.map((supplier) => supplier.name)).toEqual(['Sync Bravo tardive']);
  });

  it('filters on updatedSince (changes of the supplier, its categories or its offerings)', async () => {
    const { db } = app.database;
    const [{ now }] = await db.query<{ now: Date }[]>('SELECT now()');
    await writeSupplier(db, keys[2], `description = 'Encore changée'`);
    const response = await app.server.query<{ suppliers: Page<{ id: string }>; offerings: Page<{ id: string }> }>(
      `query($since: DateTime!) {
        suppliers(filter: { updatedSince: $since }, orderBy: UPDATED_ASC) { edges { node { id } } }
        offerings(filter: { updatedSince: $since }) { edges { node { id } } }
      }`,
      { since: now.toISOString() },
    );
    expect(ids(response.data!.suppliers.edges.map((edge) => edge.node))).toEqual([supplierId(keys[2])]);
    expect(response.data!.offerings.edges).toEqual([]);
  });

  it('keeps cursors opaque, stable, and tied to their list', async () => {
    const first = await app.server.query<{ feed: Page<{ id: string }> }>(FEEDS.suppliers, { after: null });
    const cursor = first.data!.feed.edges[0].cursor;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const again = await app.server.query<{ feed: Page<{ id: string }> }>(FEEDS.suppliers, { after: cursor });
    const twice = await app.server.query<{ feed: Page<{ id: string }> }>(FEEDS.suppliers, { after: cursor });
    expect(again.data!.feed).toEqual(twice.data!.feed);
    expect(ids(again.data!.feed.edges.map((edge) => edge.node))).not.toContain(first.data!.feed.edges[0].node.id);

    const otherOrder = await app.server.query(`query($after: String) { suppliers(after: $after, orderBy: NAME) { edges { cursor } } }`, { after: cursor });
    expect(otherOrder.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const otherList = await app.server.query(FEEDS.supplierRemovals, { after: cursor });
    expect(otherList.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('removals', () => {
  const mirror = newMirror();
  let kept: number;
  let unpublished: number;
  let deleted: number;
  let pending: number;

  beforeAll(async () => {
    const { db } = app.database;
    const offering = (title: string) => ({ title, categorySlug: 'tonte-debroussaillage' });
    kept = await insertSupplier(db, { legalName: 'Garde', offerings: [offering('Retirée'), offering('Archivée'), offering('Supprimée'), offering('Restante')] });
    unpublished = await insertSupplier(db, { legalName: 'Dépubliée', offerings: [offering('De la dépubliée')] });
    deleted = await insertSupplier(db, { legalName: 'Supprimée', offerings: [offering('De la supprimée')] });
    // A proposed structure never published: nothing for mirrors to delete.
    pending = await insertSupplier(db, { legalName: 'Proposée' });
    await db.query('INSERT INTO supplier_proposal (supplier_id) VALUES ($1)', [pending]);
    await writeSupplier(db, pending, 'published = false');
    // A draft never published either.
    await db.query(`INSERT INTO offering (supplier_id, title, category_id, service_type, published, first_published_at)
      SELECT $1, 'Brouillon', id, 'SERVICES', false, NULL FROM category WHERE slug = 'tonte-debroussaillage'`, [kept]);
    await db.query('SELECT refresh_supplier_search($1::int[])', [[kept]]);
    await settled(db);
    // The mirror is up to date before the removals.
    for (const feed of Object.keys(FEEDS) as Feed[]) await sync(app.server, mirror, feed);
  });

  it('lists every kind of removal once, with its reason', async () => {
    const { db } = app.database;
    const [withdrawn, archived, removed] = await offeringKeysOf(db, kept);
    const member = await signedIn(app.server, db, 'SUPPLIER_MEMBER');
    await addMembership(db, member.email, kept, 'OWNER');
    for (const [mutation, key] of [['unpublishOffering', withdrawn], ['archiveOffering', archived]] as const) {
      const response = await member.browser.query<Record<string, { userErrors: unknown[] }>>(
        `mutation($input: OfferingStatusInput!) { ${mutation}(input: $input) { userErrors { code } } }`,
        { input: { offeringId: offeringId(key), version: 1 } },
      );
      expect(response.data?.[mutation].userErrors).toEqual([]);
    }
    await db.transaction(async (manager) => {
      await manager.query('DELETE FROM offering WHERE id = $1', [removed]);
      await manager.query('SELECT refresh_supplier_search($1::int[])', [[kept]]);
    });
    // As an import does for a supplier absent from every source.
    await writeSupplier(db, unpublished, 'published = false');
    await db.query('DELETE FROM supplier WHERE id = $1', [deleted]);
    await settled(db);

    const supplierRemovals = await sync(app.server, mirror, 'supplierRemovals');
    expect(supplierRemovals).toEqual([
      { id: supplierId(unpublished), reason: 'UNPUBLISHED' },
      { id: supplierId(deleted), reason: 'DELETED' },
    ]);
    const offeringRemovals = await sync(app.server, mirror, 'offeringRemovals');
    const [ofUnpublished] = await offeringKeysOf(db, unpublished);
    expect(offeringRemovals).toEqual(
      expect.arrayContaining([
        { id: offeringId(withdrawn), reason: 'UNPUBLISHED' },
        { id: offeringId(archived), reason: 'ARCHIVED' },
        { id: offeringId(removed), reason: 'DELETED' },
        { id: offeringId(ofUnpublished), reason: 'SUPPLIER_REMOVED' },
      ]),
    );
    // The deleted supplier's offering, deleted with it.
    expect(offeringRemovals).toHaveLength(5);
    expect(offeringRemovals.filter((removal) => removal.reason === 'DELETED')).toHaveLength(2);
    // The supplier whose offerings changed is an update; the removed ones are not.
    expect(ids(await sync(app.server, mirror, 'suppliers'))).toEqual([supplierId(kept)]);
    expect(await sync(app.server, mirror, 'offerings')).toEqual([]);
    expect(await sync(app.server, mirror, 'supplierRemovals')).toEqual([]);
    expect(await sync(app.server, mirror, 'offeringRemovals')).toEqual([]);
  });

  it('gives a republished supplier and its offerings back as updates', async () => {
    const { db } = app.database;
    await writeSupplier(db, unpublished, 'published = true');
    await settled(db);
    expect(ids(await sync(app.server, mirror, 'suppliers'))).toEqual([supplierId(unpublished)]);
    expect(ids(await sync(app.server, mirror, 'offerings'))).toEqual((await offeringKeysOf(db, unpublished)).map(offeringId));
    expect(await sync(app.server, mirror, 'supplierRemovals')).toEqual([]);
    expect(await sync(app.server, mirror, 'offeringRemovals')).toEqual([]);
  });
});

describe('tampered cursors (issue 13)', () => {
  beforeAll(async () => {
    // A removal in each removal list, for their cursors.
    const { db } = app.database;
    const removed = await insertSupplier(db, { legalName: 'Retirée', offerings: [{ title: 'Offre', categorySlug: 'tonte-debroussaillage' }] });
    await writeSupplier(db, removed, 'published = false');
    await settled(db);
  });

  it('refuses cursors whose values are not of the types of the feed', async () => {
    for (const feed of Object.keys(FEEDS) as Feed[]) {
      const first = await app.server.query<{ feed: Page<unknown> }>(FEEDS[feed], { after: null });
      const cursor = first.data!.feed.pageInfo.endCursor;
      expect(cursor, feed).not.toBeNull();
      for (const after of wrongTypedCursors(cursor!)) {
        const response = await app.server.query(FEEDS[feed], { after });
        expect(response.errors?.[0].extensions, `${feed} ${Buffer.from(after, 'base64url').toString()}`).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      }
    }
  });
});
