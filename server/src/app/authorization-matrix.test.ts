import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../core/graphql/global-id.js';
import { addMembership, GOOD_PASSWORD, mailsTo, signUpIn, testEmail, tokenInMail } from '../test-support/accounts.js';
import { insertSupplier } from '../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../test-support/test-server.js';
import { PriceUnit } from '../modules/offerings/price-unit.js';
import { makeSiret } from '../modules/suppliers/siret.js';
import { lastCodeSentTo } from '../modules/memberships/membership.test-support.js';
import { buildAppSchema } from './schema.js';

/**
 * Every mutation of the API × every kind of caller, over real HTTP and PostgreSQL:
 * anonymous, a buyer, a member of another supplier, a MEMBER and an OWNER of the supplier
 * concerned, an admin. Each cell runs the mutation on fresh records and compares what
 * happened: `ok`, a top-level error code (UNAUTHENTICATED, FORBIDDEN), or `user:<code>`
 * for a business refusal in the payload. A mutation added to the schema without a row here
 * fails the first test.
 */

const ROLES = ['anonymous', 'buyer', 'otherMember', 'member', 'owner', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Outcome = string;

const app = useTestServer();
let schema: GraphQLSchema;
let sequence = 0;

interface Caller {
  role: Role;
  browser: TestBrowser;
  email: string;
  accountId: string;
}

/** A fresh caller of the role; member roles are tied to `supplierId` (the other member to another supplier). */
async function callerFor(role: Role, supplierId: number): Promise<Caller> {
  const browser = app.server.browser();
  if (role === 'anonymous') return { role, browser, email: '', accountId: '' };
  const viewer = await signUpIn(browser, { role: role === 'buyer' || role === 'admin' ? 'BUYER' : 'SUPPLIER_MEMBER' });
  const email = viewer.account.email;
  if (role === 'admin') await app.database.db.query(`UPDATE account SET role = 'ADMIN' WHERE email = $1`, [email]);
  if (role === 'member' || role === 'owner') await addMembership(app.database.db, email, supplierId, role === 'owner' ? 'OWNER' : 'MEMBER');
  if (role === 'otherMember') await addMembership(app.database.db, email, await newSupplier(), 'OWNER');
  return { role, browser, email, accountId: viewer.account.id };
}

/** A supplier with an address on record and one published offering. */
async function newSupplier(): Promise<number> {
  const id = await insertSupplier(app.database.db, {
    offerings: [{ title: 'Tonte de pelouses', categorySlug: 'tonte-debroussaillage', priceFrom: 300, priceUnit: PriceUnit.FLAT }],
  });
  await app.database.db.query(`UPDATE supplier SET email = $2 WHERE id = $1`, [id, `contact.${id}@structure.exemple.fr`]);
  return id;
}

async function offeringOf(supplierId: number): Promise<{ offeringId: string; version: number }> {
  const [row] = await app.database.db.query('SELECT id, version FROM offering WHERE supplier_id = $1 ORDER BY id LIMIT 1', [supplierId]);
  return { offeringId: toGlobalId('Offering', row.id), version: row.version };
}

/** Runs a mutation and says what happened. */
async function run(browser: TestBrowser, mutation: string, variables: Record<string, unknown> = {}): Promise<{ outcome: Outcome; data: Record<string, unknown> }> {
  const response = await browser.query<Record<string, Record<string, unknown> & { userErrors?: { code: string }[] }>>(mutation, variables);
  const topLevel = response.errors?.[0]?.extensions?.code;
  if (topLevel) return { outcome: String(topLevel), data: {} };
  const payload = Object.values(response.data ?? {})[0];
  const userError = payload?.userErrors?.[0];
  return { outcome: userError ? `user:${userError.code}` : 'ok', data: payload ?? {} };
}

const mutation = (name: string, inputType: string | null, selection = 'userErrors { code }') =>
  inputType ? `mutation M($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }` : `mutation M { ${name} { ${selection} } }`;

/**
 * A claim on the supplier with the code mailed to its address: made by the caller when it
 * is staff of another supplier (the one role that may claim), else by a new account.
 */
async function claimByCode(supplierId: number, caller: Caller): Promise<{ claimId: string; code: string }> {
  const claimant = caller.role === 'otherMember' ? caller : await callerFor('otherMember', supplierId);
  const { data } = await run(claimant.browser, mutation('requestSupplierClaim', 'RequestSupplierClaimInput', 'claim { id } userErrors { code }'), {
    input: { supplierId: toGlobalId('Supplier', supplierId), method: 'EMAIL_CODE' },
  });
  const [{ email }] = await app.database.db.query('SELECT email FROM supplier WHERE id = $1', [supplierId]);
  return { claimId: (data.claim as { id: string }).id, code: await lastCodeSentTo(app.database.db, email) };
}

async function inviteAs(owner: Caller, supplierId: number, email = testEmail('invite')): Promise<string> {
  const { data, outcome } = await run(owner.browser, mutation('inviteSupplierMember', 'InviteSupplierMemberInput', 'invitation { id } userErrors { code }'), {
    input: { supplierId: toGlobalId('Supplier', supplierId), email },
  });
  if (outcome !== 'ok') throw new Error(`invitation: ${outcome}`);
  return (data.invitation as { id: string }).id;
}

async function ownerOf(supplierId: number): Promise<Caller> {
  return callerFor('owner', supplierId);
}

async function newShortlist(owner: Caller): Promise<string> {
  const { data } = await run(owner.browser, mutation('createShortlist', 'CreateShortlistInput', 'shortlist { id } userErrors { code }'), {
    input: { name: 'Prestataires espaces verts' },
  });
  return (data.shortlist as { id: string }).id;
}

const newSiret = () => {
  sequence += 1;
  return makeSiret(`8${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`, '0001');
};

interface Row {
  /** What each role gets. */
  expected: Record<Role, Outcome>;
  /** Runs the mutation as `caller`, on records made for this cell (`supplierId` is "the supplier concerned"). */
  cell(caller: Caller, supplierId: number): Promise<Outcome>;
}

const everyone = (outcome: Outcome, overrides: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> => ({
  anonymous: outcome,
  buyer: outcome,
  otherMember: outcome,
  member: outcome,
  owner: outcome,
  admin: outcome,
  ...overrides,
});
/** Signed-in callers only. */
const signedIn = (outcome: Outcome, overrides: Partial<Record<Role, Outcome>> = {}) => everyone(outcome, { anonymous: 'UNAUTHENTICATED', ...overrides });
/** The supplier's members and admins. */
const editors = signedIn('FORBIDDEN', { member: 'ok', owner: 'ok', admin: 'ok' });
/** The supplier's owners and admins. */
const managers = signedIn('FORBIDDEN', { owner: 'ok', admin: 'ok' });
const adminsOnly = signedIn('FORBIDDEN', { admin: 'ok' });
/** Supplier staff only (claiming and proposing are not for buyers, nor for admins who already manage all). */
const supplierStaff = signedIn('ok', { buyer: 'FORBIDDEN', admin: 'FORBIDDEN' });

const supplierRef = (supplierId: number) => toGlobalId('Supplier', supplierId);

const ROWS: Record<string, Row> = {
  signUp: {
    expected: everyone('ok'),
    cell: async (caller) =>
      (await run(caller.browser, mutation('signUp', 'SignUpInput'), { input: { email: testEmail(), password: GOOD_PASSWORD, displayName: 'Achats' } })).outcome,
  },
  signIn: {
    expected: everyone('ok', { anonymous: 'user:INVALID_CREDENTIALS' }),
    cell: async (caller) => (await run(caller.browser, mutation('signIn', 'SignInInput'), { input: { email: caller.email || testEmail(), password: GOOD_PASSWORD } })).outcome,
  },
  signOut: {
    expected: everyone('ok'),
    cell: async (caller) => (await run(caller.browser, mutation('signOut', null, 'signedOut'))).outcome,
  },
  requestPasswordReset: {
    expected: everyone('ok'),
    cell: async (caller) => (await run(caller.browser, mutation('requestPasswordReset', 'RequestPasswordResetInput'), { input: { email: caller.email || testEmail() } })).outcome,
  },
  resetPassword: {
    // The token is the authority, whoever sends it.
    expected: everyone('ok'),
    cell: async (caller) => {
      const target = await callerFor('buyer', 0);
      await run(target.browser, mutation('requestPasswordReset', 'RequestPasswordResetInput'), { input: { email: target.email } });
      const [mail] = await mailsTo(app.database.db, target.email, 'password-reset');
      return (await run(caller.browser, mutation('resetPassword', 'ResetPasswordInput'), { input: { token: tokenInMail(mail), newPassword: `${GOOD_PASSWORD} neuve` } })).outcome;
    },
  },
  verifyEmail: {
    expected: everyone('ok'),
    cell: async (caller) => {
      const target = await callerFor('buyer', 0);
      const [mail] = await mailsTo(app.database.db, target.email, 'welcome');
      return (await run(caller.browser, mutation('verifyEmail', 'VerifyEmailInput'), { input: { token: tokenInMail(mail) } })).outcome;
    },
  },
  resendEmailVerification: {
    expected: signedIn('ok'),
    cell: async (caller) => (await run(caller.browser, mutation('resendEmailVerification', null))).outcome,
  },
  changePassword: {
    expected: signedIn('ok'),
    cell: async (caller) =>
      (await run(caller.browser, mutation('changePassword', 'ChangePasswordInput'), { input: { currentPassword: GOOD_PASSWORD, newPassword: `${GOOD_PASSWORD} neuve` } })).outcome,
  },

  requestSupplierClaim: {
    expected: { ...supplierStaff, member: 'user:NOT_ALLOWED_NOW', owner: 'user:NOT_ALLOWED_NOW' },
    cell: async (caller, supplierId) =>
      (await run(caller.browser, mutation('requestSupplierClaim', 'RequestSupplierClaimInput'), { input: { supplierId: supplierRef(supplierId), method: 'ADMIN_REVIEW', message: 'Directrice' } })).outcome,
  },
  confirmSupplierClaim: {
    // Only the claimant (the member of another supplier) may type the code; to other supplier
    // staff another account's claim does not exist; buyers and admins never claim.
    expected: signedIn('user:NOT_FOUND', { otherMember: 'ok', buyer: 'FORBIDDEN', admin: 'FORBIDDEN' }),
    cell: async (caller, supplierId) => {
      const { claimId, code } = await claimByCode(supplierId, caller);
      return (await run(caller.browser, mutation('confirmSupplierClaim', 'ConfirmSupplierClaimInput'), { input: { claimId, code } })).outcome;
    },
  },
  cancelSupplierClaim: {
    // Another account's claim does not exist for the caller, whoever they are.
    expected: signedIn('user:NOT_FOUND', { otherMember: 'ok' }),
    cell: async (caller, supplierId) => {
      const { claimId } = await claimByCode(supplierId, caller);
      return (await run(caller.browser, mutation('cancelSupplierClaim', 'CancelSupplierClaimInput'), { input: { claimId } })).outcome;
    },
  },
  decideSupplierClaim: {
    expected: adminsOnly,
    cell: async (caller, supplierId) => {
      const { claimId } = await claimByCode(supplierId, { ...caller, role: 'anonymous' });
      return (await run(caller.browser, mutation('decideSupplierClaim', 'DecideSupplierClaimInput'), { input: { claimId, decision: 'APPROVE' } })).outcome;
    },
  },
  inviteSupplierMember: {
    expected: managers,
    cell: async (caller, supplierId) =>
      (await run(caller.browser, mutation('inviteSupplierMember', 'InviteSupplierMemberInput'), { input: { supplierId: supplierRef(supplierId), email: testEmail('invite') } })).outcome,
  },
  revokeSupplierInvitation: {
    // The structure's members see its invitations (FORBIDDEN to revoke); to others they do not exist.
    expected: signedIn('user:NOT_FOUND', { member: 'FORBIDDEN', owner: 'ok', admin: 'ok' }),
    cell: async (caller, supplierId) => {
      const invitationId = await inviteAs(await ownerOf(supplierId), supplierId);
      return (await run(caller.browser, mutation('revokeSupplierInvitation', 'RevokeSupplierInvitationInput'), { input: { invitationId } })).outcome;
    },
  },
  acceptSupplierInvitation: {
    // The invitation's address is the authority: each caller gets one sent to their own
    // address (anonymous: to an address without an account). Members are not invited again;
    // buyer and admin accounts do not join structures.
    expected: signedIn('ok', { buyer: 'FORBIDDEN', admin: 'FORBIDDEN', member: 'invite:user:NOT_ALLOWED_NOW', owner: 'invite:user:NOT_ALLOWED_NOW' }),
    cell: async (caller, supplierId) => {
      const invited = caller.email || testEmail('invite');
      const owner = await ownerOf(supplierId);
      const invite = await run(owner.browser, mutation('inviteSupplierMember', 'InviteSupplierMemberInput'), { input: { supplierId: supplierRef(supplierId), email: invited } });
      if (invite.outcome !== 'ok') return `invite:${invite.outcome}`;
      const mails = await mailsTo(app.database.db, invited);
      return (await run(caller.browser, mutation('acceptSupplierInvitation', 'AcceptSupplierInvitationInput'), { input: { token: tokenInMail(mails[mails.length - 1]) } })).outcome;
    },
  },
  removeSupplierMember: {
    expected: managers,
    cell: async (caller, supplierId) => {
      const colleague = await callerFor('member', supplierId);
      return (await run(caller.browser, mutation('removeSupplierMember', 'RemoveSupplierMemberInput'), { input: { supplierId: supplierRef(supplierId), accountId: colleague.accountId } })).outcome;
    },
  },
  proposeSupplier: {
    expected: supplierStaff,
    cell: async (caller) =>
      (await run(caller.browser, mutation('proposeSupplier', 'ProposeSupplierInput'), {
        input: { siret: newSiret(), legalName: `Atelier proposé ${sequence}`, kind: 'ESAT', communeCode: '35238', confirmNotDuplicate: true },
      })).outcome,
  },
  decideSupplierProposal: {
    expected: adminsOnly,
    cell: async (caller) => {
      const proposer = await callerFor('otherMember', 0);
      const { data } = await run(proposer.browser, mutation('proposeSupplier', 'ProposeSupplierInput', 'proposal { id } userErrors { code }'), {
        input: { siret: newSiret(), legalName: `Atelier à valider ${sequence}`, kind: 'EA', communeCode: '57463', confirmNotDuplicate: true },
      });
      const proposalId = (data.proposal as { id: string }).id;
      return (await run(caller.browser, mutation('decideSupplierProposal', 'DecideSupplierProposalInput'), { input: { proposalId, decision: 'APPROVE' } })).outcome;
    },
  },

  updateSupplierProfile: {
    expected: editors,
    cell: async (caller, supplierId) =>
      (await run(caller.browser, mutation('updateSupplierProfile', 'UpdateSupplierProfileInput'), { input: { supplierId: supplierRef(supplierId), version: 1, description: 'Nouvelle description' } })).outcome,
  },
  createOffering: {
    expected: editors,
    cell: async (caller, supplierId) =>
      (await run(caller.browser, mutation('createOffering', 'CreateOfferingInput'), {
        input: { supplierId: supplierRef(supplierId), title: 'Taille de haies', categoryId: toGlobalId('Category', 'tonte-debroussaillage'), serviceType: 'SERVICES' },
      })).outcome,
  },
  updateOffering: {
    expected: editors,
    cell: async (caller, supplierId) => (await run(caller.browser, mutation('updateOffering', 'UpdateOfferingInput'), { input: { ...(await offeringOf(supplierId)), title: 'Tonte et ramassage' } })).outcome,
  },
  unpublishOffering: {
    expected: editors,
    cell: async (caller, supplierId) => (await run(caller.browser, mutation('unpublishOffering', 'OfferingStatusInput'), { input: await offeringOf(supplierId) })).outcome,
  },
  publishOffering: {
    expected: editors,
    cell: async (caller, supplierId) => {
      await app.database.db.query('UPDATE offering SET published = false WHERE supplier_id = $1', [supplierId]);
      return (await run(caller.browser, mutation('publishOffering', 'OfferingStatusInput'), { input: await offeringOf(supplierId) })).outcome;
    },
  },
  archiveOffering: {
    expected: editors,
    cell: async (caller, supplierId) => (await run(caller.browser, mutation('archiveOffering', 'OfferingStatusInput'), { input: await offeringOf(supplierId) })).outcome,
  },
};

/** Shortlist mutations: the list belongs to a buyer; everyone else (admins included) is refused. */
const SHORTLIST_ROWS: Record<string, { inputType: string; input: (shortlistId: string, supplierId: number) => Record<string, unknown> }> = {
  renameShortlist: { inputType: 'RenameShortlistInput', input: (shortlistId) => ({ shortlistId, name: 'Nouveau nom' }) },
  deleteShortlist: { inputType: 'ShortlistSelectorInput', input: (shortlistId) => ({ shortlistId }) },
  shareShortlist: { inputType: 'ShortlistSelectorInput', input: (shortlistId) => ({ shortlistId }) },
  unshareShortlist: { inputType: 'ShortlistSelectorInput', input: (shortlistId) => ({ shortlistId }) },
  addToShortlist: { inputType: 'AddToShortlistInput', input: (shortlistId, supplierId) => ({ shortlistId, supplierId: supplierRef(supplierId) }) },
  updateShortlistNote: { inputType: 'UpdateShortlistNoteInput', input: (shortlistId, supplierId) => ({ shortlistId, supplierId: supplierRef(supplierId), note: 'Devis demandé' }) },
  removeFromShortlist: { inputType: 'ShortlistEntrySelectorInput', input: (shortlistId, supplierId) => ({ shortlistId, supplierId: supplierRef(supplierId) }) },
};

for (const [name, { inputType, input }] of Object.entries(SHORTLIST_ROWS)) {
  ROWS[name] = {
    // "buyer" here is the list's owner; the other roles are other accounts.
    expected: signedIn('FORBIDDEN', { buyer: 'ok' }),
    async cell(caller, supplierId) {
      const owner = caller.role === 'buyer' ? caller : await callerFor('buyer', 0);
      const shortlistId = await newShortlist(owner);
      await run(owner.browser, mutation('addToShortlist', 'AddToShortlistInput'), { input: { shortlistId, supplierId: supplierRef(supplierId) } });
      return (await run(caller.browser, mutation(name, inputType), { input: input(shortlistId, supplierId) })).outcome;
    },
  };
}
ROWS.createShortlist = {
  expected: signedIn('ok'),
  cell: async (caller) => (await run(caller.browser, mutation('createShortlist', 'CreateShortlistInput'), { input: { name: 'Traiteurs' } })).outcome,
};
ROWS.mergeShortlist = {
  expected: signedIn('ok'),
  cell: async (caller, supplierId) => (await run(caller.browser, mutation('mergeShortlist', 'MergeShortlistInput'), { input: { supplierIds: [supplierRef(supplierId)] } })).outcome,
};
ROWS.createApiKey = {
  expected: signedIn('ok'),
  cell: async (caller) => (await run(caller.browser, mutation('createApiKey', 'CreateApiKeyInput'), { input: { name: 'ERP' } })).outcome,
};
ROWS.revokeApiKey = {
  // "buyer" here is the key's owner; admins may revoke any key.
  expected: signedIn('FORBIDDEN', { buyer: 'ok', admin: 'ok' }),
  async cell(caller) {
    const owner = caller.role === 'buyer' ? caller : await callerFor('buyer', 0);
    const { data } = await run(owner.browser, mutation('createApiKey', 'CreateApiKeyInput', 'apiKey { id } userErrors { code }'), { input: { name: 'ERP' } });
    const apiKeyId = (data.apiKey as { id: string }).id;
    return (await run(caller.browser, mutation('revokeApiKey', 'RevokeApiKeyInput'), { input: { apiKeyId } })).outcome;
  },
};

beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('the authorization matrix', () => {
  it('has a row for every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(ROWS).sort()).toEqual(mutations);
    // Rows are runnable: each payload has userErrors or is the sign-out payload.
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const payload = getNamedType(field.type);
      expect(isObjectType(payload) && ('userErrors' in payload.getFields() || field.name === 'signOut'), field.name).toBe(true);
    }
  });

  for (const [name, row] of Object.entries(ROWS).sort(([a], [b]) => a.localeCompare(b))) {
    it(`${name}: ${ROLES.map((role) => `${role} → ${row.expected[role]}`).join(', ')}`, async () => {
      const actual: Record<string, Outcome> = {};
      for (const role of ROLES) {
        const supplierId = await newSupplier();
        const caller = await callerFor(role, supplierId);
        actual[role] = await row.cell(caller, supplierId);
      }
      expect(actual).toEqual(row.expected);
    });
  }
});
