import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { addMembership, errorCode, mailsTo, signedIn, signUpIn, testEmail, tokenInMail, USER_ERRORS, type UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { recordSqlStatements, type SqlStatistics } from '../../core/database/sql-statistics.js';
import { createMembershipLoaders } from './membership.loaders.js';
import { changeActions } from './membership.test-support.js';

/** Invitations and members over real HTTP: links read from the outbox. */

const app = useTestServer();

const INVITE = `mutation Invite($input: InviteSupplierMemberInput!) {
  inviteSupplierMember(input: $input) { invitation { id email role invitedByName expiresAt supplier { id } } ${USER_ERRORS} } }`;
const ACCEPT = `mutation Accept($input: AcceptSupplierInvitationInput!) {
  acceptSupplierInvitation(input: $input) { membership { role supplier { id } } ${USER_ERRORS} } }`;
const REVOKE = `mutation Revoke($input: RevokeSupplierInvitationInput!) { revokeSupplierInvitation(input: $input) { invitation { id } ${USER_ERRORS} } }`;
const REMOVE = `mutation Remove($input: RemoveSupplierMemberInput!) { removeSupplierMember(input: $input) { removedAccountId ${USER_ERRORS} } }`;
const MEMBERS = `query Members($id: ID!) { managedSupplier(id: $id) { members { role account { id email displayName } } openInvitations { id email role } } }`;
const PENDING = `{ viewer { pendingInvitations { id role supplier { id } } } }`;

interface InvitePayload {
  invitation: { id: string; email: string; role: string } | null;
  userErrors: UserErrorData[];
}

const gid = (id: number) => toGlobalId('Supplier', id);

async function supplierWithOwner() {
  const supplierId = await insertSupplier(app.database.db, { legalName: 'Atelier du Lac' });
  const owner = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER', 'Claire Owner');
  await addMembership(app.database.db, owner.email, supplierId, 'OWNER');
  return { supplierId, owner };
}

async function invite(browser: TestBrowser, supplierId: number, email: string, role?: string) {
  return browser.query<{ inviteSupplierMember: InvitePayload }>(INVITE, { input: { supplierId: gid(supplierId), email, role } });
}

async function accept(browser: TestBrowser, input: Record<string, unknown>) {
  return (await browser.query<{ acceptSupplierInvitation: { membership: { role: string } | null; userErrors: UserErrorData[] } }>(ACCEPT, { input })).data!
    .acceptSupplierInvitation;
}

describe('inviteSupplierMember and acceptSupplierInvitation', () => {
  it('mails a link whose token (stored hashed) lets the invited account join', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const colleague = testEmail('collegue');
    const invited = await invite(owner.browser, supplierId, ` ${colleague.toUpperCase()} `, 'MEMBER');
    expect(invited.data?.inviteSupplierMember).toMatchObject({ invitation: { email: colleague, role: 'MEMBER', invitedByName: 'Claire Owner' }, userErrors: [] });
    const [mail] = await mailsTo(app.database.db, colleague, 'supplier-invitation');
    expect(mail.text).toContain('/mon-espace/invitation#jeton=');
    expect(mail.text).toContain('Atelier du Lac');
    const token = tokenInMail(mail);
    const [row] = await app.database.db.query('SELECT token_hash FROM supplier_invitation WHERE email = $1', [colleague]);
    expect(row.token_hash).toHaveLength(32);

    const stranger = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const wrongAccount = await accept(stranger.browser, { token });
    expect(wrongAccount.userErrors[0]).toMatchObject({ field: ['token'], code: 'NOT_ALLOWED_NOW' });
    expect(wrongAccount.userErrors[0].message).toContain(`${colleague[0]}•••@exemple.fr`);

    const browser = app.server.browser();
    await signUpIn(browser, { email: colleague, role: 'SUPPLIER_MEMBER' });
    // Not before the address is confirmed: anyone can sign up with someone else's address.
    expect((await browser.query<{ viewer: { pendingInvitations: unknown[] } }>(PENDING)).data?.viewer.pendingInvitations).toEqual([]);
    await app.database.db.query('UPDATE account SET email_verified_at = now() WHERE email = $1', [colleague]);
    expect((await browser.query<{ viewer: { pendingInvitations: unknown[] } }>(PENDING)).data?.viewer.pendingInvitations).toHaveLength(1);
    const accepted = await accept(browser, { token });
    expect(accepted).toEqual({ membership: { role: 'MEMBER', supplier: { id: gid(supplierId) } }, userErrors: [] });
    expect((await accept(browser, { token })).userErrors[0]).toMatchObject({ field: ['token'], code: 'INVALID_TOKEN' });
    expect((await browser.query<{ viewer: { pendingInvitations: unknown[] } }>(PENDING)).data?.viewer.pendingInvitations).toEqual([]);

    const members = await owner.browser.query<{ managedSupplier: { members: { role: string; account: { email: string } }[] } }>(MEMBERS, { id: gid(supplierId) });
    expect(members.data?.managedSupplier.members.map((member) => [member.role, member.account.email])).toEqual([
      ['OWNER', owner.email],
      ['MEMBER', colleague],
    ]);
    expect(await changeActions(app.database.db, supplierId)).toEqual(['MEMBER_INVITED', 'MEMBER_JOINED']);

    const already = await invite(owner.browser, supplierId, colleague);
    expect(already.data?.inviteSupplierMember.userErrors[0]).toMatchObject({ field: ['email'], code: 'NOT_ALLOWED_NOW' });
  });

  it('resends an open invitation with a new link (the old one stops working)', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const colleague = testEmail('relance');
    const first = await invite(owner.browser, supplierId, colleague);
    const second = await invite(owner.browser, supplierId, colleague, 'OWNER');
    expect(second.data?.inviteSupplierMember.invitation?.id).toBe(first.data?.inviteSupplierMember.invitation?.id);
    const [oldMail, newMail] = await mailsTo(app.database.db, colleague, 'supplier-invitation');
    const browser = app.server.browser();
    await signUpIn(browser, { email: colleague, role: 'SUPPLIER_MEMBER' });
    expect((await accept(browser, { token: tokenInMail(oldMail) })).userErrors[0].code).toBe('INVALID_TOKEN');
    expect((await accept(browser, { token: tokenInMail(newMail) })).membership?.role).toBe('OWNER');
  });

  it('refuses expired and revoked links, and accepting by ID without a confirmed address', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const colleague = testEmail('expire');
    const invited = await invite(owner.browser, supplierId, colleague);
    const browser = app.server.browser();
    await signUpIn(browser, { email: colleague, role: 'SUPPLIER_MEMBER' });
    const invitationId = invited.data!.inviteSupplierMember.invitation!.id;
    expect((await accept(browser, { invitationId })).userErrors[0]).toMatchObject({ field: ['invitationId'], code: 'NOT_ALLOWED_NOW' });
    await app.database.db.query('UPDATE account SET email_verified_at = now() WHERE email = $1', [colleague]);
    await app.database.db.query(`UPDATE supplier_invitation SET expires_at = now() - interval '1 second' WHERE email = $1`, [colleague]);
    expect((await accept(browser, { invitationId })).userErrors[0].code).toBe('INVALID_TOKEN');
    await app.database.db.query(`UPDATE supplier_invitation SET expires_at = now() + interval '1 day' WHERE email = $1`, [colleague]);

    const revoked = await owner.browser.query<{ revokeSupplierInvitation: InvitePayload }>(REVOKE, { input: { invitationId } });
    expect(revoked.data?.revokeSupplierInvitation).toEqual({ invitation: { id: invitationId }, userErrors: [] });
    expect((await accept(browser, { invitationId })).userErrors[0].code).toBe('INVALID_TOKEN');
    const twice = await owner.browser.query<{ revokeSupplierInvitation: InvitePayload }>(REVOKE, { input: { invitationId } });
    expect(twice.data?.revokeSupplierInvitation.userErrors[0].code).toBe('NOT_ALLOWED_NOW');
    expect(await changeActions(app.database.db, supplierId)).toEqual(['MEMBER_INVITED', 'INVITATION_REVOKED']);
  });

  it('lets OWNERs and admins invite and revoke; MEMBERs, outsiders and buyers are FORBIDDEN', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const member = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    await addMembership(app.database.db, member.email, supplierId, 'MEMBER');
    const outsider = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const buyer = await signedIn(app.server, app.database.db, 'BUYER');
    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    for (const browser of [member.browser, outsider.browser, buyer.browser]) {
      expect(errorCode(await invite(browser, supplierId, testEmail()))).toBe('FORBIDDEN');
    }
    expect(errorCode(await invite(app.server.browser(), supplierId, testEmail()))).toBe('UNAUTHENTICATED');
    const byAdmin = await invite(admin.browser, supplierId, testEmail('admin-invite'));
    expect(byAdmin.data?.inviteSupplierMember.userErrors).toEqual([]);
    expect((await invite(owner.browser, supplierId, 'pas-une-adresse')).data?.inviteSupplierMember.userErrors[0]).toMatchObject({ field: ['email'], code: 'INVALID' });

    const invitationId = byAdmin.data!.inviteSupplierMember.invitation!.id;
    expect(errorCode(await member.browser.query(REVOKE, { input: { invitationId } }))).toBe('FORBIDDEN');
    const hidden = await outsider.browser.query<{ revokeSupplierInvitation: InvitePayload }>(REVOKE, { input: { invitationId } });
    expect(hidden.data?.revokeSupplierInvitation.userErrors[0].code).toBe('NOT_FOUND');

    // Members see members and invitations; others get FORBIDDEN on those fields.
    const seen = await member.browser.query<{ managedSupplier: { openInvitations: unknown[] } }>(MEMBERS, { id: gid(supplierId) });
    expect(seen.data?.managedSupplier.openInvitations).toHaveLength(1);
    const buyerView = await buyer.browser.query(`query($id: ID!) { node(id: $id) { ... on Supplier { members { role } } } }`, { id: gid(supplierId) });
    expect(errorCode(buyerView)).toBe('FORBIDDEN');
  });

  it('refuses buyers as invitees', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const colleague = testEmail('acheteur');
    await invite(owner.browser, supplierId, colleague);
    const browser = app.server.browser();
    await signUpIn(browser, { email: colleague, role: 'BUYER' });
    const [mail] = await mailsTo(app.database.db, colleague, 'supplier-invitation');
    expect(errorCode(await browser.query(ACCEPT, { input: { token: tokenInMail(mail) } }))).toBe('FORBIDDEN');
  });
});

describe('removeSupplierMember', () => {
  it('OWNERs remove members, anyone leaves, the last OWNER stays', async () => {
    const { supplierId, owner } = await supplierWithOwner();
    const member = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const other = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    await addMembership(app.database.db, member.email, supplierId, 'MEMBER');
    await addMembership(app.database.db, other.email, supplierId, 'MEMBER');
    const remove = (browser: TestBrowser, accountId: string) =>
      browser.query<{ removeSupplierMember: { removedAccountId: string | null; userErrors: UserErrorData[] } }>(REMOVE, {
        input: { supplierId: gid(supplierId), accountId },
      });
    expect(errorCode(await remove(member.browser, other.accountId))).toBe('FORBIDDEN');
    expect((await remove(member.browser, owner.accountId)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await remove(owner.browser, owner.accountId)).data?.removeSupplierMember.userErrors[0]).toMatchObject({ field: ['accountId'], code: 'NOT_ALLOWED_NOW' });
    expect((await remove(member.browser, member.accountId)).data?.removeSupplierMember).toEqual({ removedAccountId: member.accountId, userErrors: [] });
    expect((await remove(owner.browser, other.accountId)).data?.removeSupplierMember.removedAccountId).toBe(other.accountId);
    expect((await remove(owner.browser, other.accountId)).data?.removeSupplierMember.userErrors[0].code).toBe('NOT_FOUND');
    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    expect((await remove(admin.browser, owner.accountId)).data?.removeSupplierMember.userErrors[0].code).toBe('NOT_ALLOWED_NOW');
    const [{ count }] = await app.database.db.query('SELECT count(*)::int AS count FROM supplier_membership WHERE supplier_id = $1', [supplierId]);
    expect(count).toBe(1);
    expect(await changeActions(app.database.db, supplierId)).toEqual(['MEMBER_REMOVED', 'MEMBER_REMOVED']);
  });
});

describe('createMembershipLoaders', () => {
  it('loads the members and invitations of many suppliers in one query each, in key order', async () => {
    const first = await supplierWithOwner();
    const second = await supplierWithOwner();
    await invite(first.owner.browser, first.supplierId, testEmail('lot'));
    const loaders = createMembershipLoaders(app.database.db);
    const statistics: SqlStatistics = { statements: [] };
    const ids = [second.supplierId, first.supplierId, 999_999];
    const [members, invitations] = await recordSqlStatements(statistics, () =>
      Promise.all([
        Promise.all(ids.map((id) => loaders.membersBySupplierId.load(id))),
        Promise.all(ids.map((id) => loaders.openInvitationsBySupplierId.load(id))),
      ]),
    );
    expect(statistics.statements).toHaveLength(2);
    expect(members.map((rows) => rows.map((row) => row.email))).toEqual([[second.owner.email], [first.owner.email], []]);
    expect(invitations.map((rows) => rows.length)).toEqual([0, 1, 0]);
  });
});
