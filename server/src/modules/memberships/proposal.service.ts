import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import { InputCheck } from '../../core/graphql/input-check.js';
import { forbidden } from '../../core/graphql/errors.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import type { PageArgs } from '../../core/graphql/pagination.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { AccountRole } from '../accounts/account.entity.js';
import { requireAdmin, requireViewer } from '../accounts/authorization.js';
import { MembershipRole } from '../accounts/supplier-membership.entity.js';
import type { Caller, SessionViewer } from '../accounts/viewer.js';
import { ChangeAction, recordChange } from '../audit/change-log.js';
import { composeMail } from '../mail/mail-templates.js';
import type { Mailer } from '../mail/mailer.js';
import { SelfEditableField } from '../suppliers/self-edited-fields.js';
import { isValidSiret, normalizeSiret } from '../suppliers/siret.js';
import { refreshSupplierSearch } from '../suppliers/supplier.records.js';
import {
  checkContactEmail, checkFrenchPhone, checkWebsite, DESCRIPTION_MAX_LENGTH,
} from '../suppliers/supplier-profile.rules.js';
import type { DecideSupplierProposalInput, ProposeSupplierInput } from './membership.inputs.js';
import { checkMessage, grantMembership, loadProposal, PROPOSAL_COLUMNS, proposalOf, type ProposalRow } from './membership.records.js';
import { ModerationDecision, ProposalStatus, type SupplierProposal } from './membership.types.js';
import { moderationPage } from './moderation-queue.js';
import { workspaceUrl } from './workspace-links.js';

export const NAME_MAX_LENGTH = 200;
export const ADDRESS_MAX_LENGTH = 300;

/** What the proposal services use (a resolver passes its context). */
export interface ProposalDeps {
  db: DataSource;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl'>;
}

export interface ProposalOutcome {
  proposal: ProposalRow | null;
  /** DUPLICATE on siret: the published supplier with this SIRET. */
  existingSupplierId: number | null;
  /** DUPLICATE without field: published suppliers that look like the proposed one. */
  likelyDuplicateIds: number[];
  userErrors: UserError[];
  /** After a proposal: the proposer's viewer with the new membership, from now on. */
  viewer?: SessionViewer;
}

const failed = (userErrors: UserError[], found: Partial<ProposalOutcome> = {}): ProposalOutcome => ({
  proposal: null,
  existingSupplierId: null,
  likelyDuplicateIds: [],
  userErrors,
  ...found,
});

/** Why a typed SIRET is refused, in French (siret.ts gives the rule), or null. */
export function siretProblem(siret: string): { code: UserErrorCode; message: string } | null {
  if (siret === '') return { code: UserErrorCode.BLANK, message: 'Indiquez le SIRET de la structure (14 chiffres).' };
  if (!/^\d+$/.test(siret)) return { code: UserErrorCode.INVALID, message: 'Le SIRET ne doit contenir que des chiffres (14 chiffres).' };
  if (siret.length !== 14) return { code: UserErrorCode.INVALID, message: `Le SIRET compte 14 chiffres ; vous en avez saisi ${siret.length}.` };
  if (!isValidSiret(siret)) {
    return {
      code: UserErrorCode.INVALID,
      message: "Ce SIRET n'existe pas : sa clé de contrôle est fausse, un chiffre est sans doute erroné. Vérifiez-le sur un extrait Kbis ou l'annuaire des entreprises.",
    };
  }
  return null;
}

interface ProposedValues {
  siret: string;
  legalName: string;
  brandName: string | null;
  communeCode: string;
  address: string | null;
  postalCode: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  description: string;
  message: string;
}

function checkProposal(input: ProposeSupplierInput): { check: InputCheck; values: ProposedValues } {
  const check = new InputCheck();
  const siret = normalizeSiret(input.siret.trim());
  const siretIssue = siretProblem(siret);
  if (siretIssue) check.fail(['siret'], siretIssue.code, siretIssue.message);
  const postalCode = check.text(['postalCode'], input.postalCode ?? '', { label: 'Le code postal', max: 5 });
  if (postalCode && !/^\d{5}$/.test(postalCode)) check.fail(['postalCode'], UserErrorCode.INVALID, 'Le code postal compte 5 chiffres (exemple : 57000).');
  const values = {
    siret,
    legalName: check.text(['legalName'], input.legalName, { label: 'La raison sociale', max: NAME_MAX_LENGTH, required: true }) ?? '',
    brandName: check.text(['brandName'], input.brandName ?? '', { label: "L'enseigne", max: NAME_MAX_LENGTH }) || null,
    communeCode: check.text(['communeCode'], input.communeCode, { label: 'La commune', max: 5, required: true }) ?? '',
    address: check.text(['address'], input.address ?? '', { label: "L'adresse", max: ADDRESS_MAX_LENGTH }) || null,
    postalCode: postalCode || null,
    email: checkContactEmail(check, ['email'], input.email ?? '') ?? null,
    phone: checkFrenchPhone(check, ['phone'], input.phone ?? '') ?? null,
    website: checkWebsite(check, ['website'], input.website ?? '') ?? null,
    description: check.text(['description'], input.description ?? '', { label: 'La présentation', max: DESCRIPTION_MAX_LENGTH, multiline: true }) ?? '',
    message: checkMessage(check, 'message', input.message, 'Le message') ?? '',
  };
  return { check, values };
}

/**
 * Proposes a structure missing from the directory: created unpublished (data_source
 * SUPPLIER) with the proposer as its OWNER, so that they can prepare the profile while an
 * admin checks it. Refused as DUPLICATE when the SIRET is known; likely duplicates (same
 * SIREN, or same name in the same commune) are listed until confirmNotDuplicate.
 */
export async function proposeSupplier(deps: Pick<ProposalDeps, 'db'>, caller: Caller, input: ProposeSupplierInput): Promise<ProposalOutcome> {
  const viewer = requireViewer(caller);
  if (viewer.role !== AccountRole.SUPPLIER_MEMBER) throw forbidden('Seuls les comptes de structures inclusives peuvent proposer une structure.');
  const { check, values } = checkProposal(input);
  const [commune]: { municipality_code: string; departement_code: string; region_code: string; latitude: number | null; longitude: number | null }[] =
    values.communeCode === ''
      ? []
      : await deps.db.query(
          `SELECT coalesce(parent_code, code) AS municipality_code, departement_code, region_code, latitude, longitude FROM commune WHERE code = $1`,
          [values.communeCode],
        );
  if (values.communeCode !== '' && !commune) {
    check.fail(['communeCode'], UserErrorCode.NOT_FOUND, "Cette commune est inconnue : choisissez-la dans la liste (code INSEE).");
  }
  if (!check.ok) return failed(check.errors);

  const [known]: { id: number; published: boolean; pending: boolean }[] = await deps.db.query(
    `SELECT s.id, s.published, EXISTS (SELECT 1 FROM supplier_proposal p WHERE p.supplier_id = s.id AND p.status = 'PENDING') AS pending
     FROM supplier s WHERE s.siret = $1`,
    [values.siret],
  );
  if (known?.pending) {
    return failed([UserError.of('siret', UserErrorCode.DUPLICATE, 'Une structure avec ce SIRET a déjà été proposée et attend la validation de l’équipe.')]);
  }
  if (known) {
    return failed(
      [UserError.of('siret', UserErrorCode.DUPLICATE, "Cette structure est déjà dans l'annuaire : revendiquez-la plutôt que de la proposer.")],
      { existingSupplierId: known.published ? known.id : null },
    );
  }
  if (!input.confirmNotDuplicate) {
    const likely: { id: number }[] = await deps.db.query(
      `SELECT id FROM supplier
       WHERE published AND (siren = left($1, 9)
         OR (municipality_code = $2 AND (match_name(legal_name) IN (match_name($3), match_name($4)) OR match_name(brand_name) IN (match_name($3), match_name($4)))))
       ORDER BY id LIMIT 10`,
      [values.siret, commune.municipality_code, values.legalName, values.brandName ?? values.legalName],
    );
    if (likely.length > 0) {
      return failed(
        [
          UserError.of(
            null,
            UserErrorCode.DUPLICATE,
            "Des structures semblables sont déjà dans l'annuaire (même SIREN, ou même nom dans la même commune). S'il s'agit de la vôtre, revendiquez-la ; sinon, confirmez qu'il s'agit d'une autre structure.",
          ),
        ],
        { likelyDuplicateIds: likely.map((row) => row.id) },
      );
    }
  }

  const typedFields = [
    values.brandName && SelfEditableField.BRAND_NAME,
    values.description && SelfEditableField.DESCRIPTION,
    values.email && SelfEditableField.EMAIL,
    values.phone && SelfEditableField.PHONE,
    values.website && SelfEditableField.WEBSITE,
  ].filter((field): field is SelfEditableField => Boolean(field));
  const proposalId = await deps.db.transaction(async (manager) => {
    const [created]: { id: number }[] = await manager.query(
      `INSERT INTO supplier (siret, legal_name, brand_name, kind, description, address, postal_code, commune_code, municipality_code,
         departement_code, region_code, latitude, longitude, position_source, email, phone, website,
         service_area_kind, service_area_departement_codes, data_source, published, self_edited_fields)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $12::float8 IS NULL THEN NULL ELSE 'COMMUNE_CENTRE'::position_source END,
         $14, $15, $16,
         -- Like imports: its own département until the structure says where it works.
         'DEPARTEMENTS', ARRAY[$10::text], 'SUPPLIER', false, $17)
       ON CONFLICT (siret) DO NOTHING
       RETURNING id`,
      [
        values.siret, values.legalName, values.brandName, input.kind, values.description, values.address, values.postalCode, values.communeCode,
        commune.municipality_code, commune.departement_code, commune.region_code, commune.latitude, commune.longitude,
        values.email, values.phone, values.website, typedFields,
      ],
    );
    // Proposed at the same instant by someone else: reported like any known SIRET.
    if (!created) return null;
    await refreshSupplierSearch(manager, [created.id]);
    const [proposal]: { id: number }[] = await manager.query(
      'INSERT INTO supplier_proposal (supplier_id, proposed_by, message) VALUES ($1, $2, $3) RETURNING id',
      [created.id, viewer.accountId, values.message],
    );
    await grantMembership(manager, {
      accountId: viewer.accountId,
      supplierId: created.id,
      role: MembershipRole.OWNER,
      actorId: viewer.accountId,
      via: { proposalId: proposal.id },
    });
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId: created.id,
      action: ChangeAction.SUPPLIER_PROPOSED,
      changes: { proposalId: proposal.id, siret: values.siret, legalName: values.legalName, kind: input.kind, communeCode: values.communeCode },
    });
    return proposal.id;
  });
  if (proposalId === null) {
    return failed([UserError.of('siret', UserErrorCode.DUPLICATE, 'Une structure avec ce SIRET vient d’être proposée.')]);
  }
  const proposal = await loadProposal(deps.db, proposalId);
  const memberships = [...viewer.memberships, { supplierId: proposal!.supplier_id, role: MembershipRole.OWNER }];
  return { proposal, existingSupplierId: null, likelyDuplicateIds: [], userErrors: [], viewer: { ...viewer, memberships } };
}

/** An admin approves (the structure becomes public) or rejects a pending proposal; the proposer is mailed. */
export async function decideSupplierProposal(deps: ProposalDeps, caller: Caller, input: DecideSupplierProposalInput): Promise<ProposalOutcome> {
  const admin = requireAdmin(caller);
  const proposalId = integerKeyOf(input.proposalId, 'SupplierProposal', 'proposalId');
  const approve = input.decision === ModerationDecision.APPROVE;
  const check = new InputCheck();
  const reason = checkMessage(check, 'reason', input.reason, 'Le motif', !approve);
  if (!check.ok || reason === null) return failed(check.errors);

  const outcome = await deps.db.transaction(async (manager) => {
    const [proposal]: { supplier_id: number; status: ProposalStatus }[] = await manager.query(
      'SELECT supplier_id, status FROM supplier_proposal WHERE id = $1 FOR UPDATE',
      [proposalId],
    );
    if (!proposal) return UserError.of('proposalId', UserErrorCode.NOT_FOUND, "Cette proposition n'existe pas.");
    if (proposal.status !== ProposalStatus.PENDING) return UserError.of('proposalId', UserErrorCode.NOT_ALLOWED_NOW, 'Cette proposition a déjà été traitée.');
    await manager.query(
      `UPDATE supplier_proposal SET status = $2, decided_by = $3, decided_at = now(), decision_reason = nullif($4, '') WHERE id = $1`,
      [proposalId, approve ? ProposalStatus.APPROVED : ProposalStatus.REJECTED, admin.accountId, reason],
    );
    if (approve) {
      await manager.query('UPDATE supplier SET published = true, updated_at = now() WHERE id = $1', [proposal.supplier_id]);
      await refreshSupplierSearch(manager, [proposal.supplier_id]);
    }
    await recordChange(manager, {
      accountId: admin.accountId,
      supplierId: proposal.supplier_id,
      action: approve ? ChangeAction.SUPPLIER_PROPOSAL_APPROVED : ChangeAction.SUPPLIER_PROPOSAL_REJECTED,
      changes: { proposalId, reason },
    });
    return loadProposal(manager, proposalId);
  });
  if (outcome instanceof UserError) return failed([outcome]);
  if (outcome!.email) {
    const [supplier]: { siret: string }[] = await deps.db.query('SELECT siret FROM supplier WHERE id = $1', [outcome!.supplier_id]);
    await deps.mailer.send(
      composeMail('proposal-decided', outcome!.email, { siret: supplier.siret, approved: approve, workspaceUrl: workspaceUrl(deps.config.publicUrl) }),
    );
  }
  return { proposal: outcome, existingSupplierId: null, likelyDuplicateIds: [], userErrors: [] };
}

/** Proposals, oldest first, in a state when given: the moderation queue (admins only). */
export async function supplierProposalQueue(deps: Pick<ProposalDeps, 'db'>, caller: Caller, filter: { status: ProposalStatus | null }, page: PageArgs) {
  requireAdmin(caller);
  return moderationPage<ProposalRow, SupplierProposal>(
    deps.db,
    {
      ordering: 'supplierProposals:oldest',
      select: '*',
      from: `(SELECT ${PROPOSAL_COLUMNS} FROM supplier_proposal p LEFT JOIN account a ON a.id = p.proposed_by) AS q`,
      where: '($1::supplier_proposal_status IS NULL OR status = $1)',
      params: [filter.status],
    },
    page,
    proposalOf,
  );
}
