import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { addMembership, errorCode, mailsTo, signedIn, USER_ERRORS } from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';
import {
  CANCEL_CLAIM as CANCEL, CLAIM_FIELDS, type ClaimData, type ClaimPayload, changeActions, confirmClaim as confirm, insertOfficialSupplier, lastCodeSentTo,
  REQUEST_CLAIM as REQUEST, requestClaim as request,
} from './membership.test-support.js';

/** Claims over real HTTP: codes read from the outbox, memberships and change log in the database. */

const app = useTestServer();

const DECIDE = `mutation Decide($input: DecideSupplierClaimInput!) {
  decideSupplierClaim(input: $input) { claim { ${CLAIM_FIELDS} } membership { role } ${USER_ERRORS} } }`;
const QUEUE = `query Queue($status: ClaimStatus, $method: ClaimMethod, $first: Int, $after: String) {
  supplierClaims(status: $status, method: $method, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${CLAIM_FIELDS} } } } }`;
const MY_WORKSPACE = `{ viewer { memberships { role since supplier { id name } } supplierClaims { id status supplier { id } } } }`;

const gid = (id: number) => toGlobalId('Supplier', id);
const officialSupplier = (email?: string | null) => insertOfficialSupplier(app.database.db, email);

describe('requestSupplierClaim and confirmSupplierClaim (EMAIL_CODE)', () => {
  it('mails a code to the official address, and the right code makes the claimant an OWNER', async () => {
    const supplierId = await officialSupplier('contact@jardins-metz.fr');
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const requested = await request(staff.browser, supplierId);
    expect(requested.userErrors).toEqual([]);
    expect(requested.claim).toMatchObject({ method: 'EMAIL_CODE', status: 'PENDING', codeSentTo: 'c•••@jardins-metz.fr', supplier: { id: gid(supplierId) } });
    const [claimRow] = await app.database.db.query('SELECT code_hash FROM supplier_claim WHERE supplier_id = $1', [supplierId]);
    const code = await lastCodeSentTo(app.database.db, 'contact@jardins-metz.fr');
    expect(claimRow.code_hash).toHaveLength(32);
    expect(claimRow.code_hash.toString('utf8')).not.toContain(code);
    const mail = (await mailsTo(app.database.db, 'contact@jardins-metz.fr', 'claim-code'))[0];
    expect(mail.text).not.toContain(staff.email);

    const confirmed = await confirm(staff.browser, requested.claim!.id, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.claim?.status).toBe('APPROVED');
    expect(confirmed.membership).toMatchObject({ role: 'OWNER', supplier: { id: gid(supplierId), published: true } });
    const workspace = await staff.browser.query<{ viewer: { memberships: { role: string; supplier: { id: string } }[] } }>(MY_WORKSPACE);
    expect(workspace.data?.viewer.memberships).toEqual([expect.objectContaining({ role: 'OWNER', supplier: expect.objectContaining({ id: gid(supplierId) }) })]);
    expect(await changeActions(app.database.db, supplierId)).toEqual(['CLAIM_REQUESTED', 'MEMBER_JOINED', 'CLAIM_APPROVED']);

    const again = await request(staff.browser, supplierId);
    expect(again.userErrors).toEqual([expect.objectContaining({ field: ['supplierId'], code: 'NOT_ALLOWED_NOW' })]);
  });

  it('counts wrong codes: 5 tries, then a new code is needed; the new code resets them', async () => {
    const supplierId = await officialSupplier('accueil@esat.fr');
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const { claim } = await request(staff.browser, supplierId);
    const code = await lastCodeSentTo(app.database.db, 'accueil@esat.fr');
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await confirm(staff.browser, claim!.id, wrong);
    expect(first.userErrors).toEqual([{ field: ['code'], code: 'WRONG_CODE', message: 'Code incorrect. Il vous reste 4 essais.' }]);
    for (let i = 0; i < 4; i++) await confirm(staff.browser, claim!.id, wrong);
    const exhausted = await confirm(staff.browser, claim!.id, code);
    expect(exhausted.userErrors).toEqual([expect.objectContaining({ field: ['code'], code: 'NOT_ALLOWED_NOW' })]);
    expect(exhausted.membership).toBeNull();

    const renewed = await request(staff.browser, supplierId);
    expect(renewed.claim?.id).toBe(claim!.id);
    const newCode = await lastCodeSentTo(app.database.db, 'accueil@esat.fr');
    expect((await confirm(staff.browser, claim!.id, newCode)).membership?.role).toBe('OWNER');
  });

  it('refuses an expired code and a malformed one', async () => {
    const supplierId = await officialSupplier('expire@exemple.fr');
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const { claim } = await request(staff.browser, supplierId);
    const code = await lastCodeSentTo(app.database.db, 'expire@exemple.fr');
    expect((await confirm(staff.browser, claim!.id, '12ab')).userErrors[0]).toMatchObject({ field: ['code'], code: 'INVALID' });
    await app.database.db.query(`UPDATE supplier_claim SET code_expires_at = now() - interval '1 minute' WHERE supplier_id = $1`, [supplierId]);
    expect((await confirm(staff.browser, claim!.id, code)).userErrors[0]).toMatchObject({ field: ['code'], code: 'WRONG_CODE' });
  });

  it('reuses the open claim and limits codes to 3 an hour', async () => {
    const supplierId = await officialSupplier('limite@exemple.fr');
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { claim, userErrors } = await request(staff.browser, supplierId);
      expect(userErrors).toEqual([]);
      ids.add(claim!.id);
    }
    expect(ids.size).toBe(1);
    const fourth = await request(staff.browser, supplierId);
    expect(fourth.userErrors).toEqual([expect.objectContaining({ field: ['method'], code: 'NOT_ALLOWED_NOW' })]);
    expect(fourth.userErrors[0].message).toMatch(/Réessayez dans \d+ minutes/);
    expect(await mailsTo(app.database.db, 'limite@exemple.fr', 'claim-code')).toHaveLength(3);
  });

  it('asks for an admin review when no official address is known', async () => {
    const withoutEmail = await officialSupplier(null);
    const selfEdited = await officialSupplier('modifiee@exemple.fr');
    await app.database.db.query(`UPDATE supplier SET self_edited_fields = '{email}' WHERE id = $1`, [selfEdited]);
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    for (const supplierId of [withoutEmail, selfEdited]) {
      const answer = await request(staff.browser, supplierId);
      expect(answer.userErrors).toEqual([expect.objectContaining({ field: ['method'], code: 'NOT_ALLOWED_NOW' })]);
      expect(answer.userErrors[0].message).toContain("vérification par l'équipe");
    }
    expect(await mailsTo(app.database.db, 'modifiee@exemple.fr')).toEqual([]);
  });

  it('refuses unknown and unpublished suppliers, and another account\'s claim', async () => {
    const hidden = await officialSupplier('cachee@exemple.fr');
    await app.database.db.query('UPDATE supplier SET published = false WHERE id = $1', [hidden]);
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    expect((await request(staff.browser, hidden)).userErrors[0]).toMatchObject({ field: ['supplierId'], code: 'NOT_FOUND' });

    const supplierId = await officialSupplier('autre@exemple.fr');
    const { claim } = await request(staff.browser, supplierId);
    const other = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const code = await lastCodeSentTo(app.database.db, 'autre@exemple.fr');
    expect((await confirm(other.browser, claim!.id, code)).userErrors[0]).toMatchObject({ field: ['claimId'], code: 'NOT_FOUND' });
  });

  it('lets supplier staff only claim: anonymous UNAUTHENTICATED, buyers and admins FORBIDDEN', async () => {
    const supplierId = await officialSupplier('roles@exemple.fr');
    const input = { supplierId: gid(supplierId), method: 'EMAIL_CODE' };
    expect(errorCode(await app.server.browser().query(REQUEST, { input }))).toBe('UNAUTHENTICATED');
    for (const role of ['BUYER', 'ADMIN'] as const) {
      const { browser } = await signedIn(app.server, app.database.db, role);
      expect(errorCode(await browser.query(REQUEST, { input }))).toBe('FORBIDDEN');
    }
    expect(await mailsTo(app.database.db, 'roles@exemple.fr')).toEqual([]);
  });
});

describe('cancelSupplierClaim', () => {
  it('withdraws a pending claim of the account, once', async () => {
    const supplierId = await officialSupplier('retrait@exemple.fr');
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const { claim } = await request(staff.browser, supplierId, 'ADMIN_REVIEW', 'Je suis la directrice.');
    const other = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    expect((await other.browser.query<{ cancelSupplierClaim: ClaimPayload }>(CANCEL, { input: { claimId: claim!.id } })).data?.cancelSupplierClaim.userErrors[0].code).toBe('NOT_FOUND');
    const cancelled = await staff.browser.query<{ cancelSupplierClaim: ClaimPayload }>(CANCEL, { input: { claimId: claim!.id } });
    expect(cancelled.data?.cancelSupplierClaim).toEqual({ claim: { status: 'CANCELLED' }, userErrors: [] });
    const twice = await staff.browser.query<{ cancelSupplierClaim: ClaimPayload }>(CANCEL, { input: { claimId: claim!.id } });
    expect(twice.data?.cancelSupplierClaim.userErrors[0].code).toBe('NOT_ALLOWED_NOW');
    expect(await changeActions(app.database.db, supplierId)).toEqual(['CLAIM_REQUESTED', 'CLAIM_CANCELLED']);
  });
});

describe('admin review', () => {
  it('needs a message, lists the claim for admins only, and approval makes an OWNER and mails the claimant', async () => {
    const supplierId = await officialSupplier(null);
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER', 'Dominique Leroy');
    expect((await request(staff.browser, supplierId, 'ADMIN_REVIEW', '  ')).userErrors[0]).toMatchObject({ field: ['message'], code: 'BLANK' });
    const message = 'Directrice <img src=x onerror="window.__xss=1">';
    const { claim } = await request(staff.browser, supplierId, 'ADMIN_REVIEW', message);
    expect(claim).toMatchObject({ method: 'ADMIN_REVIEW', status: 'PENDING', message, codeSentTo: null });

    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const queue = await admin.browser.query<{ supplierClaims: { totalCount: number; edges: { node: ClaimData }[] } }>(QUEUE, {
      status: 'PENDING',
      method: 'ADMIN_REVIEW',
    });
    const listed = queue.data!.supplierClaims.edges.map((edge) => edge.node);
    expect(listed).toContainEqual(expect.objectContaining({ id: claim!.id, message, claimant: { id: expect.any(String), email: staff.email, displayName: 'Dominique Leroy' } }));
    for (const role of ['BUYER', 'SUPPLIER_MEMBER'] as const) {
      expect(errorCode(await (await signedIn(app.server, app.database.db, role)).browser.query(QUEUE, {}))).toBe('FORBIDDEN');
    }
    expect(errorCode(await app.server.query(QUEUE, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await staff.browser.query(DECIDE, { input: { claimId: claim!.id, decision: 'APPROVE' } }))).toBe('FORBIDDEN');

    const decided = await admin.browser.query<{ decideSupplierClaim: ClaimPayload }>(DECIDE, { input: { claimId: claim!.id, decision: 'APPROVE' } });
    expect(decided.data?.decideSupplierClaim).toMatchObject({ claim: { status: 'APPROVED' }, membership: { role: 'OWNER' }, userErrors: [] });
    const [membership] = await app.database.db.query(
      'SELECT m.role FROM supplier_membership m JOIN account a ON a.id = m.account_id WHERE a.email = $1 AND m.supplier_id = $2',
      [staff.email, supplierId],
    );
    expect(membership.role).toBe('OWNER');
    const [mail] = await mailsTo(app.database.db, staff.email, 'claim-decided');
    expect(mail.subject).toContain('acceptée');
    expect(mail.text).not.toContain('onerror');
    expect(await changeActions(app.database.db, supplierId)).toEqual(['CLAIM_REQUESTED', 'MEMBER_JOINED', 'CLAIM_APPROVED']);

    const again = await admin.browser.query<{ decideSupplierClaim: ClaimPayload }>(DECIDE, { input: { claimId: claim!.id, decision: 'REJECT', reason: 'Non' } });
    expect(again.data?.decideSupplierClaim.userErrors[0]).toMatchObject({ field: ['claimId'], code: 'NOT_ALLOWED_NOW' });
  });

  it('rejects with a reason the claimant sees; no membership', async () => {
    const supplierId = await officialSupplier(null);
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const { claim } = await request(staff.browser, supplierId, 'ADMIN_REVIEW', 'Bénévole');
    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const blank = await admin.browser.query<{ decideSupplierClaim: ClaimPayload }>(DECIDE, { input: { claimId: claim!.id, decision: 'REJECT' } });
    expect(blank.data?.decideSupplierClaim.userErrors[0]).toMatchObject({ field: ['reason'], code: 'BLANK' });
    const rejected = await admin.browser.query<{ decideSupplierClaim: ClaimPayload }>(DECIDE, {
      input: { claimId: claim!.id, decision: 'REJECT', reason: 'Rien ne montre que vous travaillez dans cette structure.' },
    });
    expect(rejected.data?.decideSupplierClaim).toMatchObject({ claim: { status: 'REJECTED' }, membership: null, userErrors: [] });
    const mine = await staff.browser.query<{ viewer: { memberships: unknown[]; supplierClaims: { id: string; status: string }[] } }>(MY_WORKSPACE);
    expect(mine.data?.viewer.memberships).toEqual([]);
    expect(mine.data?.viewer.supplierClaims[0]).toMatchObject({ id: claim!.id, status: 'REJECTED' });
    expect((await mailsTo(app.database.db, staff.email, 'claim-decided'))[0].subject).toContain("n'a pas été acceptée");
    expect(await changeActions(app.database.db, supplierId)).toEqual(['CLAIM_REQUESTED', 'CLAIM_REJECTED']);
  });

  it('pages the queue oldest first', async () => {
    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const all = await admin.browser.query<{ supplierClaims: { totalCount: number } }>(QUEUE, {});
    const first = await admin.browser.query<{ supplierClaims: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: ClaimData }[] } }>(QUEUE, { first: 2 });
    const second = await admin.browser.query<{ supplierClaims: { edges: { node: ClaimData }[] } }>(QUEUE, { first: 2, after: first.data!.supplierClaims.pageInfo.endCursor });
    expect(all.data!.supplierClaims.totalCount).toBeGreaterThan(3);
    expect(first.data!.supplierClaims.pageInfo.hasNextPage).toBe(true);
    const ids = [...first.data!.supplierClaims.edges, ...second.data!.supplierClaims.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('an existing member cannot claim again', async () => {
    const supplierId = await officialSupplier(null);
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    await addMembership(app.database.db, staff.email, supplierId, 'MEMBER');
    expect((await request(staff.browser, supplierId, 'ADMIN_REVIEW', 'Je suis déjà là')).userErrors[0].code).toBe('NOT_ALLOWED_NOW');
  });
});
