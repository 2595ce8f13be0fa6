import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { errorCode, mailsTo, signedIn, USER_ERRORS, type UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { makeSiret } from '../suppliers/siret.js';
import { changeActions } from './membership.test-support.js';
import { siretProblem } from './proposal.service.js';

/** Proposals of missing structures over real HTTP. */

const app = useTestServer();
let sequence = 0;

const PROPOSE = `mutation Propose($input: ProposeSupplierInput!) {
  proposeSupplier(input: $input) {
    proposal { id status message proposedBy { email } supplier { id siret name published dataSource position { source } serviceArea { kind departements { code } } } }
    existingSupplier { id } likelyDuplicates { id name }
    ${USER_ERRORS} } }`;
const DECIDE = `mutation Decide($input: DecideSupplierProposalInput!) { decideSupplierProposal(input: $input) { proposal { id status decisionReason } ${USER_ERRORS} } }`;
const QUEUE = `query Queue($status: ProposalStatus) { supplierProposals(status: $status) { totalCount edges { node { id message supplier { id } } } } }`;
const SEARCH = `query Search($text: String!) { suppliers(filter: { text: $text }) { totalCount } }`;

interface ProposePayload {
  proposal: { id: string; status: string; supplier: { id: string; siret: string; published: boolean; [key: string]: unknown } } | null;
  existingSupplier: { id: string } | null;
  likelyDuplicates: { id: string; name: string }[];
  userErrors: UserErrorData[];
}

function newSiret(): string {
  sequence += 1;
  return makeSiret(`8${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`, '0001');
}

async function propose(browser: TestBrowser, changes: Record<string, unknown> = {}) {
  const input = { siret: newSiret(), legalName: `Recyclerie Nouvelle ${sequence}`, kind: 'ACI', communeCode: '57463', ...changes };
  return browser.query<{ proposeSupplier: ProposePayload }>(PROPOSE, { input });
}

describe('siretProblem', () => {
  it('says in French why a SIRET is refused', () => {
    expect(siretProblem('')?.code).toBe('BLANK');
    expect(siretProblem('1234')?.message).toContain('vous en avez saisi 4');
    expect(siretProblem('12345678901234')?.message).toContain('clé de contrôle');
    expect(siretProblem(makeSiret('12345678', '0001'))).toBeNull();
  });
});

describe('proposeSupplier', () => {
  it('creates the structure unpublished, with the proposer as OWNER, and an admin approval publishes it', async () => {
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const siret = newSiret();
    const answer = await staff.browser.query<{ proposeSupplier: ProposePayload }>(PROPOSE, {
      input: {
        siret: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6)}`,
        legalName: '  Ressourcerie   du Sablon ',
        brandName: 'Le Sablon',
        kind: 'ACI',
        communeCode: '57463',
        email: 'Contact@Sablon.fr',
        phone: '03 87 12 34 56',
        website: 'sablon.fr',
        description: 'Collecte et revente.',
        message: 'Créée en 2025 <script>alert(1)</script>',
      },
    });
    const payload = answer.data!.proposeSupplier;
    expect(payload.userErrors).toEqual([]);
    expect(payload.proposal).toMatchObject({
      status: 'PENDING',
      message: 'Créée en 2025 <script>alert(1)</script>',
      proposedBy: { email: staff.email },
      supplier: { siret, name: 'Le Sablon', published: false, dataSource: 'SUPPLIER', position: { source: 'COMMUNE_CENTRE' }, serviceArea: { kind: 'DEPARTEMENTS', departements: [{ code: '57' }] } },
    });
    const supplierKey = Number(Buffer.from(payload.proposal!.supplier.id, 'base64url').toString().split(':')[1]);
    const [row] = await app.database.db.query('SELECT legal_name, email, website, self_edited_fields FROM supplier WHERE id = $1', [supplierKey]);
    expect(row).toMatchObject({ legal_name: 'Ressourcerie du Sablon', email: 'contact@sablon.fr', website: 'https://sablon.fr/' });
    const [membership] = await app.database.db.query('SELECT role FROM supplier_membership WHERE supplier_id = $1', [supplierKey]);
    expect(membership.role).toBe('OWNER');
    expect((await app.server.query<{ suppliers: { totalCount: number } }>(SEARCH, { text: 'Ressourcerie du Sablon' })).data?.suppliers.totalCount).toBe(0);

    const duplicate = await propose(staff.browser, { siret });
    expect(duplicate.data?.proposeSupplier.userErrors).toEqual([expect.objectContaining({ field: ['siret'], code: 'DUPLICATE' })]);
    expect(duplicate.data?.proposeSupplier.userErrors[0].message).toContain('attend la validation');

    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const queue = await admin.browser.query<{ supplierProposals: { edges: { node: { id: string } }[] } }>(QUEUE, { status: 'PENDING' });
    expect(queue.data?.supplierProposals.edges.map((edge) => edge.node.id)).toContain(payload.proposal!.id);
    expect(errorCode(await staff.browser.query(QUEUE, {}))).toBe('FORBIDDEN');
    expect(errorCode(await staff.browser.query(DECIDE, { input: { proposalId: payload.proposal!.id, decision: 'APPROVE' } }))).toBe('FORBIDDEN');

    const approved = await admin.browser.query<{ decideSupplierProposal: { proposal: { status: string } } }>(DECIDE, {
      input: { proposalId: payload.proposal!.id, decision: 'APPROVE' },
    });
    expect(approved.data?.decideSupplierProposal).toMatchObject({ proposal: { status: 'APPROVED' }, userErrors: [] });
    expect((await app.server.query<{ suppliers: { totalCount: number } }>(SEARCH, { text: 'Ressourcerie du Sablon' })).data?.suppliers.totalCount).toBe(1);
    const [mail] = await mailsTo(app.database.db, staff.email, 'proposal-decided');
    expect(mail.subject).toContain('publiée');
    expect(mail.text).not.toContain('Sablon');
    expect(await changeActions(app.database.db, supplierKey)).toEqual(['MEMBER_JOINED', 'SUPPLIER_PROPOSED', 'SUPPLIER_PROPOSAL_APPROVED']);

    const known = await propose(staff.browser, { siret });
    expect(known.data?.proposeSupplier).toMatchObject({ existingSupplier: { id: payload.proposal!.supplier.id }, userErrors: [{ field: ['siret'], code: 'DUPLICATE' }] });
    const again = await admin.browser.query<{ decideSupplierProposal: { userErrors: UserErrorData[] } }>(DECIDE, {
      input: { proposalId: payload.proposal!.id, decision: 'REJECT', reason: 'Erreur' },
    });
    expect(again.data?.decideSupplierProposal.userErrors[0].code).toBe('NOT_ALLOWED_NOW');
  });

  it('rejection keeps the structure unpublished and needs a reason', async () => {
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const { data } = await propose(staff.browser);
    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const proposalId = data!.proposeSupplier.proposal!.id;
    const blank = await admin.browser.query<{ decideSupplierProposal: { userErrors: UserErrorData[] } }>(DECIDE, { input: { proposalId, decision: 'REJECT', reason: ' ' } });
    expect(blank.data?.decideSupplierProposal.userErrors[0]).toMatchObject({ field: ['reason'], code: 'BLANK' });
    const rejected = await admin.browser.query<{ decideSupplierProposal: { proposal: { status: string; decisionReason: string } } }>(DECIDE, {
      input: { proposalId, decision: 'REJECT', reason: 'Ce SIRET est celui d’une entreprise classique.' },
    });
    expect(rejected.data?.decideSupplierProposal.proposal).toMatchObject({ status: 'REJECTED', decisionReason: 'Ce SIRET est celui d’une entreprise classique.' });
    const [row] = await app.database.db.query('SELECT s.published FROM supplier s JOIN supplier_proposal p ON p.supplier_id = s.id WHERE p.id = $1', [
      Number(Buffer.from(proposalId, 'base64url').toString().split(':')[1]),
    ]);
    expect(row.published).toBe(false);
    expect((await mailsTo(app.database.db, staff.email, 'proposal-decided'))[0].subject).toContain("n'a pas été acceptée");
  });

  it('reports field errors, mirrored at their path, and saves nothing', async () => {
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const [{ count: before }] = await app.database.db.query('SELECT count(*)::int AS count FROM supplier');
    const answer = await propose(staff.browser, {
      siret: '12345678901234',
      legalName: ' ',
      communeCode: '99999',
      postalCode: '570',
      email: 'pas-une-adresse',
      phone: '12',
      website: 'javascript:alert(1)',
    });
    const fields = answer.data?.proposeSupplier.userErrors.map((error) => `${error.field?.join('.')}:${error.code}`);
    expect(fields?.sort()).toEqual(
      ['siret:INVALID', 'legalName:BLANK', 'communeCode:NOT_FOUND', 'postalCode:INVALID', 'email:INVALID', 'phone:INVALID', 'website:INVALID'].sort(),
    );
    const [{ count: after }] = await app.database.db.query('SELECT count(*)::int AS count FROM supplier');
    expect(after).toBe(before);
  });

  it('lists likely duplicates (same SIREN, or same name in the same commune) until confirmed', async () => {
    const existing = await insertSupplier(app.database.db, { legalName: 'Les Ateliers de la Seille', communeCode: '57463' });
    const staff = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    const sameName = await propose(staff.browser, { legalName: 'LES ATELIERS DE LA SEILLE' });
    expect(sameName.data?.proposeSupplier).toMatchObject({
      proposal: null,
      likelyDuplicates: [{ id: toGlobalId('Supplier', existing) }],
      userErrors: [{ field: null, code: 'DUPLICATE' }],
    });
    const [{ siret }] = await app.database.db.query('SELECT siret FROM supplier WHERE id = $1', [existing]);
    const sameSiren = await propose(staff.browser, { siret: makeSiret(siret.slice(0, 8), '0099'), legalName: 'Antenne de Woippy' });
    expect(sameSiren.data?.proposeSupplier.likelyDuplicates).toEqual([expect.objectContaining({ id: toGlobalId('Supplier', existing) })]);
    const confirmed = await propose(staff.browser, { legalName: 'Les Ateliers de la Seille', confirmNotDuplicate: true });
    expect(confirmed.data?.proposeSupplier.userErrors).toEqual([]);
  });

  it('lets supplier staff only propose: anonymous UNAUTHENTICATED, buyers and admins FORBIDDEN', async () => {
    expect(errorCode(await propose(app.server.browser()))).toBe('UNAUTHENTICATED');
    for (const role of ['BUYER', 'ADMIN'] as const) {
      expect(errorCode(await propose((await signedIn(app.server, app.database.db, role)).browser))).toBe('FORBIDDEN');
    }
  });
});
