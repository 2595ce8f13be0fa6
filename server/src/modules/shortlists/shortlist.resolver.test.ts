import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { errorCode, signUpIn, USER_ERRORS, type UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { MAX_ENTRIES, MAX_SHORTLISTS } from './shortlist.service.js';

/** Shortlists over real HTTP and PostgreSQL: every mutation as anonymous, owner and another account. */

const app = useTestServer();

const LIST = `id name entryCount unavailableCount shareUrl entries { note addedAt supplier { id name } }`;
const MUTATIONS = {
  createShortlist: ['CreateShortlistInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  renameShortlist: ['RenameShortlistInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  deleteShortlist: ['ShortlistSelectorInput', `deletedShortlistId ${USER_ERRORS}`],
  addToShortlist: ['AddToShortlistInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  updateShortlistNote: ['UpdateShortlistNoteInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  removeFromShortlist: ['ShortlistEntrySelectorInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  shareShortlist: ['ShortlistSelectorInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  unshareShortlist: ['ShortlistSelectorInput', `shortlist { ${LIST} } ${USER_ERRORS}`],
  mergeShortlist: ['MergeShortlistInput', `shortlist { ${LIST} } addedCount skippedCount ${USER_ERRORS}`],
} as const;
type MutationName = keyof typeof MUTATIONS;

interface ListData {
  id: string;
  name: string;
  entryCount: number;
  unavailableCount: number;
  shareUrl: string | null;
  entries: { note: string; addedAt: string; supplier: { id: string; name: string } }[];
}
interface Payload {
  shortlist?: ListData | null;
  deletedShortlistId?: string | null;
  addedCount?: number;
  skippedCount?: number;
  userErrors: UserErrorData[];
}

async function mutate(browser: TestBrowser, name: MutationName, input: Record<string, unknown>) {
  const [inputType, selection] = MUTATIONS[name];
  const response = await browser.query<Record<string, Payload>>(`mutation M($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, { input });
  return { payload: response.data?.[name] ?? null, code: errorCode(response), response };
}

async function ok(browser: TestBrowser, name: MutationName, input: Record<string, unknown>): Promise<Payload> {
  const { payload, response } = await mutate(browser, name, input);
  if (!payload || payload.userErrors.length > 0) throw new Error(`${name} failed: ${JSON.stringify(response.errors ?? payload)}`);
  return payload;
}

const VIEWER_LISTS = `{ viewer { shortlists { ${LIST} } } }`;
async function listsOf(browser: TestBrowser): Promise<ListData[]> {
  return (await browser.query<{ viewer: { shortlists: ListData[] } }>(VIEWER_LISTS)).data!.viewer.shortlists;
}

const SHARED = `query Shared($token: String!) { sharedShortlist(token: $token) { name entryCount unavailableCount entries { note supplier { id name } } } }`;
async function shared(token: string) {
  return (await app.server.query<{ sharedShortlist: (Omit<ListData, 'id' | 'shareUrl'>) | null }>(SHARED, { token })).data!.sharedShortlist;
}
const tokenOf = (shareUrl: string) => shareUrl.split('/listes/')[1];

const gid = (id: number) => toGlobalId('Supplier', id);

async function buyer(displayName = 'Achats, Ville de Metz') {
  const browser = app.server.browser();
  await signUpIn(browser, { role: 'BUYER', displayName });
  return browser;
}

async function buyerWithList(name = 'Travaux 2026') {
  const browser = await buyer();
  const { shortlist } = await ok(browser, 'createShortlist', { name });
  return { browser, list: shortlist! };
}

describe('shortlist mutations × anonymous / owner / other account', () => {
  it('refuses anonymous callers (UNAUTHENTICATED) and other accounts (FORBIDDEN), and changes nothing', async () => {
    const supplier = await insertSupplier(app.database.db, { legalName: 'Atelier Vert' });
    const { browser: owner, list } = await buyerWithList();
    await ok(owner, 'addToShortlist', { shortlistId: list.id, supplierId: gid(supplier), note: 'à rappeler' });
    const other = await buyer();
    const anonymous = app.server.browser();
    const inputs: Record<MutationName, Record<string, unknown>> = {
      createShortlist: { name: 'Intrus' },
      renameShortlist: { shortlistId: list.id, name: 'Intrus' },
      deleteShortlist: { shortlistId: list.id },
      addToShortlist: { shortlistId: list.id, supplierId: gid(supplier), note: 'intrus' },
      updateShortlistNote: { shortlistId: list.id, supplierId: gid(supplier), note: 'intrus' },
      removeFromShortlist: { shortlistId: list.id, supplierId: gid(supplier) },
      shareShortlist: { shortlistId: list.id },
      unshareShortlist: { shortlistId: list.id },
      mergeShortlist: { supplierIds: [gid(supplier)], shortlistId: list.id },
    };
    for (const [name, input] of Object.entries(inputs) as [MutationName, Record<string, unknown>][]) {
      expect((await mutate(anonymous, name, input)).code, `${name} anonymous`).toBe('UNAUTHENTICATED');
      if (name !== 'createShortlist') expect((await mutate(other, name, input)).code, `${name} other account`).toBe('FORBIDDEN');
    }
    const [after] = await listsOf(owner);
    expect(after).toMatchObject({ name: 'Travaux 2026', shareUrl: null, entryCount: 1, entries: [{ note: 'à rappeler' }] });
    expect(await listsOf(other)).toEqual([]);
  });

  it('lets the owner create, rename, add, note, remove and delete', async () => {
    const [a, b] = [await insertSupplier(app.database.db, { legalName: 'Atelier A' }), await insertSupplier(app.database.db, { legalName: 'Atelier B' })];
    const { browser, list } = await buyerWithList(' Nettoyage   locaux ');
    expect(list).toMatchObject({ name: 'Nettoyage locaux', entryCount: 0, entries: [], shareUrl: null });
    await ok(browser, 'renameShortlist', { shortlistId: list.id, name: 'Nettoyage' });
    await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(a) });
    await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(b), note: 'Devis reçu' });
    // Idempotent: adding again keeps one entry, and keeps the note when none is given.
    const again = await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(b) });
    expect(again.shortlist!.entries.map((e) => [e.supplier.name, e.note])).toEqual([
      ['Atelier A', ''],
      ['Atelier B', 'Devis reçu'],
    ]);
    const noted = await ok(browser, 'updateShortlistNote', { shortlistId: list.id, supplierId: gid(a), note: '  Ligne 1\r\nLigne 2  ' });
    expect(noted.shortlist!.entries[0].note).toBe('Ligne 1\nLigne 2');
    const removed = await ok(browser, 'removeFromShortlist', { shortlistId: list.id, supplierId: gid(b) });
    expect(removed.shortlist!.entryCount).toBe(1);
    expect((await mutate(browser, 'removeFromShortlist', { shortlistId: list.id, supplierId: gid(b) })).payload!.userErrors[0]).toMatchObject({
      field: ['supplierId'],
      code: 'NOT_FOUND',
    });
    expect(await ok(browser, 'deleteShortlist', { shortlistId: list.id })).toEqual({ deletedShortlistId: list.id, userErrors: [] });
    expect(await listsOf(browser)).toEqual([]);
    expect(await app.database.db.query('SELECT 1 FROM shortlist_entry e JOIN shortlist s ON s.id = e.shortlist_id WHERE s.name = $1', ['Nettoyage'])).toEqual([]);
    expect((await mutate(browser, 'renameShortlist', { shortlistId: list.id, name: 'x' })).payload!.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('refuses unpublished or unknown structures, and hides those unpublished later (counted as unavailable)', async () => {
    const [kept, later] = [await insertSupplier(app.database.db), await insertSupplier(app.database.db)];
    const hidden = await insertSupplier(app.database.db);
    await app.database.db.query('UPDATE supplier SET published = false WHERE id = $1', [hidden]);
    const { browser, list } = await buyerWithList();
    const refused = await mutate(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(hidden) });
    expect(refused.payload!.userErrors).toEqual([{ field: ['supplierId'], code: 'NOT_FOUND', message: 'Cette structure n’est pas (ou plus) dans l’annuaire.' }]);
    expect((await mutate(browser, 'addToShortlist', { shortlistId: list.id, supplierId: 'pas-un-id' })).code).toBe('BAD_USER_INPUT');
    // Keys beyond PostgreSQL's integer (issue 13: INTERNAL_SERVER_ERROR before).
    const tooLarge = toGlobalId('Supplier', 2_147_483_648);
    expect((await mutate(browser, 'addToShortlist', { shortlistId: list.id, supplierId: tooLarge })).response.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'supplierId',
    });
    expect((await mutate(browser, 'renameShortlist', { shortlistId: toGlobalId('Shortlist', 2_147_483_648), name: 'x' })).code).toBe('BAD_USER_INPUT');
    await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(kept) });
    await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(later) });
    await app.database.db.query('UPDATE supplier SET published = false WHERE id = $1', [later]);
    const [after] = await listsOf(browser);
    expect(after).toMatchObject({ entryCount: 1, unavailableCount: 1 });
    expect(after.entries.map((e) => e.supplier.id)).toEqual([gid(kept)]);
  });
});

describe('limits and plain text', () => {
  it('checks names and notes with French messages', async () => {
    const supplier = await insertSupplier(app.database.db);
    const { browser, list } = await buyerWithList();
    const cases: [MutationName, Record<string, unknown>, Partial<UserErrorData>][] = [
      ['createShortlist', { name: '   ' }, { field: ['name'], code: 'BLANK', message: 'Le nom de la liste est obligatoire.' }],
      ['createShortlist', { name: 'x'.repeat(101) }, { field: ['name'], code: 'TOO_LONG' }],
      ['renameShortlist', { shortlistId: list.id, name: 'a\u0007b' }, { field: ['name'], code: 'INVALID' }],
      ['addToShortlist', { shortlistId: list.id, supplierId: gid(supplier), note: 'n'.repeat(2001) }, { field: ['note'], code: 'TOO_LONG' }],
      ['addToShortlist', { shortlistId: list.id, supplierId: gid(supplier), note: 'a\u202eb' }, { field: ['note'], code: 'INVALID' }],
    ];
    for (const [name, input, error] of cases) {
      const { payload } = await mutate(browser, name, input);
      expect(payload!.userErrors[0], name).toMatchObject(error);
      expect(payload!.userErrors[0].message).toMatch(/^(Le nom|La note)/);
    }
    expect((await listsOf(browser)).map((l) => [l.name, l.entryCount])).toEqual([['Travaux 2026', 0]]);
  });

  it(`allows ${MAX_SHORTLISTS} lists per account and ${MAX_ENTRIES} entries per list`, async () => {
    const { browser, list } = await buyerWithList();
    await app.database.db.query(
      `INSERT INTO shortlist (account_id, name) SELECT account_id, 'Liste ' || n FROM shortlist, generate_series(2, $2) n WHERE id = $1`,
      [Number(Buffer.from(list.id, 'base64url').toString().split(':')[1]), MAX_SHORTLISTS],
    );
    const tooMany = await mutate(browser, 'createShortlist', { name: 'Une de trop' });
    expect(tooMany.payload!.userErrors[0]).toMatchObject({ field: null, code: 'OUT_OF_RANGE' });
    expect(tooMany.payload!.userErrors[0].message).toContain('50 listes');

    const listKey = Number(Buffer.from(list.id, 'base64url').toString().split(':')[1]);
    const supplier = await insertSupplier(app.database.db);
    await app.database.db.query(
      `INSERT INTO shortlist_entry (shortlist_id, supplier_id) SELECT $1, id FROM supplier WHERE id <> $2 AND published LIMIT $3`,
      [listKey, supplier, MAX_ENTRIES],
    );
    const [{ count }] = await app.database.db.query('SELECT count(*)::int AS count FROM shortlist_entry WHERE shortlist_id = $1', [listKey]);
    if (count < MAX_ENTRIES) {
      // Not enough suppliers in the test directory: fill up with fresh ones.
      for (let i = count; i < MAX_ENTRIES; i += 1) {
        await app.database.db.query('INSERT INTO shortlist_entry (shortlist_id, supplier_id) VALUES ($1, $2)', [listKey, await insertSupplier(app.database.db)]);
      }
    }
    const full = await mutate(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(supplier) });
    expect(full.payload!.userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(full.payload!.userErrors[0].message).toContain('500 structures');
    const merged = await ok(browser, 'mergeShortlist', { supplierIds: [gid(supplier)], shortlistId: list.id });
    expect([merged.addedCount, merged.skippedCount]).toEqual([0, 1]);
  }, 120_000);

  it('stores XSS-looking names and notes verbatim, as plain text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const supplier = await insertSupplier(app.database.db);
    const { browser, list } = await buyerWithList(`<script>alert(1)</script>`);
    const added = await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(supplier), note: payload });
    expect(added.shortlist!.name).toBe('<script>alert(1)</script>');
    expect(added.shortlist!.entries[0].note).toBe(payload);
    const [row] = await app.database.db.query('SELECT note FROM shortlist_entry WHERE supplier_id = $1', [supplier]);
    expect(row.note).toBe(payload);
  });
});

describe('shareShortlist and sharedShortlist', () => {
  it('shares by an unguessable link, read-only and without the owner, until unshared', async () => {
    const supplier = await insertSupplier(app.database.db, { legalName: 'Imprimerie Solidaire' });
    const { browser, list } = await buyerWithList('Impression');
    await ok(browser, 'addToShortlist', { shortlistId: list.id, supplierId: gid(supplier), note: 'Bon contact' });
    const { shortlist } = await ok(browser, 'shareShortlist', { shortlistId: list.id });
    expect(shortlist!.shareUrl).toMatch(/^http:\/\/[^/]+\/listes\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(shortlist!.shareUrl!);
    // Sharing again keeps the link.
    expect((await ok(browser, 'shareShortlist', { shortlistId: list.id })).shortlist!.shareUrl).toBe(shortlist!.shareUrl);
    expect(await shared(token)).toEqual({
      name: 'Impression',
      entryCount: 1,
      unavailableCount: 0,
      entries: [{ note: 'Bon contact', supplier: { id: gid(supplier), name: 'Imprimerie Solidaire' } }],
    });
    const unshared = await ok(browser, 'unshareShortlist', { shortlistId: list.id });
    expect(unshared.shortlist!.shareUrl).toBeNull();
    expect(await shared(token)).toBeNull();
    const reshared = await ok(browser, 'shareShortlist', { shortlistId: list.id });
    expect(tokenOf(reshared.shortlist!.shareUrl!)).not.toBe(token);
    expect(await shared(token)).toBeNull();
    expect(await shared('inconnu')).toBeNull();
    expect(await shared('A'.repeat(43))).toBeNull();
  });
});

describe('mergeShortlist', () => {
  it('creates "Ma sélection" when the account has no list, skipping unknown, unpublished and repeated IDs', async () => {
    const [a, b, hidden] = [await insertSupplier(app.database.db), await insertSupplier(app.database.db), await insertSupplier(app.database.db)];
    await app.database.db.query('UPDATE supplier SET published = false WHERE id = $1', [hidden]);
    const browser = await buyer();
    const merged = await ok(browser, 'mergeShortlist', {
      supplierIds: [gid(b), gid(a), gid(b), gid(hidden), gid(999_999_999), toGlobalId('Offering', a), 'n’importe quoi', gid(2_147_483_648)],
    });
    expect([merged.addedCount, merged.skippedCount]).toEqual([2, 6]);
    expect(merged.shortlist!.name).toBe('Ma sélection');
    expect(merged.shortlist!.entries.map((e) => e.supplier.id)).toEqual([gid(b), gid(a)]);
    // Again: everything is already there; the same first list is used.
    const again = await ok(browser, 'mergeShortlist', { supplierIds: [gid(a)] });
    expect([again.addedCount, again.skippedCount, again.shortlist!.id]).toEqual([0, 1, merged.shortlist!.id]);
    expect((await listsOf(browser)).length).toBe(1);
  });

  it("adds to the account's first list by default, or to the one given", async () => {
    const [a, b] = [await insertSupplier(app.database.db), await insertSupplier(app.database.db)];
    const { browser, list: first } = await buyerWithList('Première');
    const second = (await ok(browser, 'createShortlist', { name: 'Seconde' })).shortlist!;
    expect((await ok(browser, 'mergeShortlist', { supplierIds: [gid(a)] })).shortlist!.id).toBe(first.id);
    expect((await ok(browser, 'mergeShortlist', { supplierIds: [gid(b)], shortlistId: second.id })).shortlist!.id).toBe(second.id);
    expect((await listsOf(browser)).map((l) => [l.name, l.entries.map((e) => e.supplier.id)])).toEqual([
      ['Première', [gid(a)]],
      ['Seconde', [gid(b)]],
    ]);
  });
});

describe('viewer.shortlists', () => {
  it('loads entries and structures of every list in batches (no query per list or entry)', async () => {
    const suppliers = [];
    for (let i = 0; i < 6; i += 1) suppliers.push(await insertSupplier(app.database.db));
    const small = await buyerWithList('Une');
    await ok(small.browser, 'addToShortlist', { shortlistId: small.list.id, supplierId: gid(suppliers[0]) });
    const big = await buyerWithList('Une');
    for (const name of ['Deux', 'Trois']) {
      const { shortlist } = await ok(big.browser, 'createShortlist', { name });
      await ok(big.browser, 'mergeShortlist', { supplierIds: suppliers.slice(0, 3).map(gid), shortlistId: shortlist!.id });
    }
    await ok(big.browser, 'mergeShortlist', { supplierIds: suppliers.map(gid), shortlistId: big.list.id });
    const smallResponse = await small.browser.query(VIEWER_LISTS);
    const bigResponse = await big.browser.query<{ viewer: { shortlists: ListData[] } }>(VIEWER_LISTS);
    expect(bigResponse.data!.viewer.shortlists.map((l) => l.entryCount)).toEqual([6, 3, 3]);
    expect(bigResponse.sqlStatements.length).toBe(smallResponse.sqlStatements.length);
    expect(bigResponse.sqlStatements.filter((s) => /shortlist_entry/.test(s.sql))).toHaveLength(1);
  });
});
