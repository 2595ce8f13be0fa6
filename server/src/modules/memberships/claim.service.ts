import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../core/config/config.js';
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
import { InputCheck } from '../../core/graphql/input-check.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import type { CancelSupplierClaimInput, ConfirmSupplierClaimInput, DecideSupplierClaimInput, RequestSupplierClaimInput } from './membership.inputs.js';
import {
  CLAIM_CODE_LIMITS, ClaimCodeEventKind, checkCodeRules, type CodeParties, GUESS_RULES, lockAccountForCodes, lockSupplierForCodes, MAIL_RULES, recordCodeEvent,
} from './claim-code-limits.js';
import {
  CLAIM_COLUMNS, checkMessage, claimOf, type ClaimRow, grantMembership, loadClaim, maskEmail, membershipOfSupplier,
} from './membership.records.js';
import { ClaimMethod, ClaimStatus, ModerationDecision, type SupplierClaim, type SupplierMembership } from './membership.types.js';
import { moderationPage } from './moderation-queue.js';
import { workspaceUrl } from './workspace-links.js';

/** What the claim services use (a resolver passes its context). */
export interface ClaimDeps {
  db: DataSource;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl'>;
}

export interface ClaimOutcome {
  claim: ClaimRow | null;
  /** The claimant's membership of the supplier, when the call granted it. */
  membership: SupplierMembership | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): ClaimOutcome => ({ claim: null, membership: null, userErrors });

/** The outcome of a change of a claim; `granted`: the claimant now acts for its supplier. */
async function changed(db: DataSource, claim: ClaimRow | null, granted: boolean): Promise<ClaimOutcome> {
  return { claim, membership: granted && claim ? await membershipOfSupplier(db, claim.account_id, claim.supplier_id) : null, userErrors: [] };
}

interface ClaimedSupplier {
  id: number;
  name: string;
  email: string | null;
  data_source: SupplierSource;
  self_edited_fields: string[];
}

/**
 * The address a code may go to: the one from official data. An address typed by a
 * proposer or edited by the structure proves nothing about who reads the official mailbox.
 */
export function officialEmailOf(supplier: Pick<ClaimedSupplier, 'email' | 'data_source' | 'self_edited_fields'>): string | null {
  if (supplier.data_source === SupplierSource.SUPPLIER || supplier.self_edited_fields.includes(SelfEditableField.EMAIL)) return null;
  return supplier.email;
}

function codeDigest(code: string): Buffer {
  return createHash('sha256').update(code, 'utf8').digest();
}

/** Claims and code confirmations are for supplier staff accounts (buyers and admins have nothing to claim). */
function requireSupplierStaff(caller: Caller): SessionViewer {
  const viewer = requireViewer(caller);
  if (viewer.role !== AccountRole.SUPPLIER_MEMBER) {
    throw forbidden('Seuls les comptes de structures inclusives peuvent revendiquer une structure.');
  }
  return viewer;
}

/**
 * Asks to manage a supplier. EMAIL_CODE mails a 6-digit code to the supplier's official
 * address, within the limits of `claim-code-limits.ts`; a second request for the same
 * supplier reuses the open claim (a new code replaces the old one).
 */
export async function requestSupplierClaim(deps: ClaimDeps, caller: Caller, input: RequestSupplierClaimInput): Promise<ClaimOutcome> {
  const viewer = requireSupplierStaff(caller);
  const supplierId = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  const check = new InputCheck();
  const message = checkMessage(check, 'message', input.message, 'Le message', input.method === ClaimMethod.ADMIN_REVIEW);
  if (!check.ok || message === null) return failed(...check.errors);

  const [supplier]: ClaimedSupplier[] = await deps.db.query(
    `SELECT id, coalesce(brand_name, legal_name) AS name, email, data_source, self_edited_fields FROM supplier WHERE id = $1 AND published`,
    [supplierId],
  );
  if (!supplier) return failed(UserError.of('supplierId', UserErrorCode.NOT_FOUND, "Cette structure n'existe pas dans l'annuaire."));
  if (viewer.memberships.some((membership) => membership.supplierId === supplierId)) {
    return failed(UserError.of('supplierId', UserErrorCode.NOT_ALLOWED_NOW, 'Vous gérez déjà cette structure.'));
  }
  const sendTo = input.method === ClaimMethod.EMAIL_CODE ? officialEmailOf(supplier) : null;
  if (input.method === ClaimMethod.EMAIL_CODE && !sendTo) {
    return failed(
      UserError.of(
        'method',
        UserErrorCode.NOT_ALLOWED_NOW,
        "Aucune adresse électronique officielle n'est connue pour cette structure : demandez une vérification par l'équipe Achat inclusif, avec un message.",
      ),
    );
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const parties = { supplierId, accountId: viewer.accountId };
  const outcome = await deps.db.transaction(async (manager) => {
    // One request at a time per account: the open claim is found or created once.
    await lockAccountForCodes(manager, viewer.accountId);
    if (sendTo) {
      // No code mailed while the structure's mailbox or the guesses are over their limits.
      await lockSupplierForCodes(manager, supplierId);
      const { refusal } = await checkCodeRules(manager, [...GUESS_RULES, ...MAIL_RULES], parties, 'method');
      if (refusal) return refusal;
      await recordCodeEvent(manager, ClaimCodeEventKind.SENT, parties);
    }
    const [open]: { id: number }[] = await manager.query(
      `SELECT id FROM supplier_claim WHERE supplier_id = $1 AND account_id = $2 AND status = 'PENDING'`,
      [supplierId, viewer.accountId],
    );
    const values = [
      input.method,
      message,
      sendTo ? codeDigest(code) : null,
      sendTo,
      sendTo ? CLAIM_CODE_LIMITS.codeValidMinutes : null,
    ];
    let claimId: number;
    if (open) {
      await manager.query(
        `UPDATE supplier_claim SET method = $2, message = CASE WHEN $3 = '' THEN message ELSE $3 END, code_hash = $4, code_sent_to = $5,
           code_expires_at = now() + make_interval(mins => $6), failed_attempts = 0, updated_at = now()
         WHERE id = $1`,
        [open.id, ...values],
      );
      claimId = open.id;
    } else {
      const [row]: { id: number }[] = await manager.query(
        `INSERT INTO supplier_claim (supplier_id, account_id, method, message, code_hash, code_sent_to, code_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))
         RETURNING id`,
        [supplierId, viewer.accountId, ...values],
      );
      claimId = row.id;
    }
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      action: ChangeAction.CLAIM_REQUESTED,
      changes: { claimId, method: input.method, ...(sendTo ? { codeSentTo: maskEmail(sendTo) } : {}) },
    });
    return loadClaim(manager, claimId);
  });
  if (outcome instanceof UserError) return failed(outcome);
  if (sendTo) {
    await deps.mailer.send(composeMail('claim-code', sendTo, { supplierName: supplier.name, code, validForMinutes: CLAIM_CODE_LIMITS.codeValidMinutes }));
  }
  return changed(deps.db, outcome, false);
}

async function lockOwnClaim(manager: EntityManager, claimId: number, accountId: number) {
  const [row]: { id: number; supplier_id: number; method: ClaimMethod; status: ClaimStatus; code_hash: Buffer | null; expired: boolean; failed_attempts: number }[] =
    await manager.query(
      `SELECT id, supplier_id, method, status, code_hash, code_expires_at <= now() AS expired, failed_attempts
       FROM supplier_claim WHERE id = $1 AND account_id = $2 FOR UPDATE`,
      [claimId, accountId],
    );
  return row ?? null;
}

/** What a wrong code leaves: tries on this code, or none left anywhere (then the refusal says until when). */
async function wrongCodeError(manager: EntityManager, parties: CodeParties, left: { leftForCode: number; leftOverall: number }): Promise<UserError> {
  if (left.leftOverall <= 0) {
    const { refusal } = await checkCodeRules(manager, GUESS_RULES, parties, 'code');
    return UserError.of('code', UserErrorCode.WRONG_CODE, `Code incorrect. ${refusal?.message ?? ''}`.trim());
  }
  const tries = Math.min(left.leftForCode, left.leftOverall);
  return UserError.of(
    'code',
    UserErrorCode.WRONG_CODE,
    tries > 0 ? `Code incorrect. Il vous reste ${tries} essai${tries > 1 ? 's' : ''}.` : 'Code incorrect. Demandez un nouveau code.',
  );
}

const CLAIM_NOT_FOUND = UserError.of('claimId', UserErrorCode.NOT_FOUND, "Cette demande n'existe pas, ou n'est pas la vôtre.");

/** The code typed back: right → the account becomes an OWNER (whoever reads the official mailbox speaks for the structure). */
export async function confirmSupplierClaim(deps: ClaimDeps, caller: Caller, input: ConfirmSupplierClaimInput): Promise<ClaimOutcome> {
  const viewer = requireSupplierStaff(caller);
  const claimId = integerKeyOf(input.claimId, 'SupplierClaim', 'claimId');
  const code = input.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return failed(UserError.of('code', UserErrorCode.INVALID, 'Le code compte 6 chiffres.'));

  const outcome = await deps.db.transaction(async (manager) => {
    await lockAccountForCodes(manager, viewer.accountId);
    const claim = await lockOwnClaim(manager, claimId, viewer.accountId);
    if (!claim) return CLAIM_NOT_FOUND;
    if (claim.status !== ClaimStatus.PENDING || claim.method !== ClaimMethod.EMAIL_CODE) {
      return UserError.of('claimId', UserErrorCode.NOT_ALLOWED_NOW, "Cette demande n'attend pas de code.");
    }
    const parties = { supplierId: claim.supplier_id, accountId: viewer.accountId };
    // Before the code is compared: once a budget is spent, no answer may tell right from wrong.
    await lockSupplierForCodes(manager, parties.supplierId);
    const guesses = await checkCodeRules(manager, GUESS_RULES, parties, 'code');
    if (guesses.refusal) return guesses.refusal;
    if (claim.failed_attempts >= CLAIM_CODE_LIMITS.wrongCodesPerCode) {
      return UserError.of('code', UserErrorCode.NOT_ALLOWED_NOW, 'Trop de codes erronés ont été saisis : demandez un nouveau code.');
    }
    if (claim.expired) return UserError.of('code', UserErrorCode.WRONG_CODE, 'Ce code a expiré : demandez-en un nouveau.');
    if (!timingSafeEqual(codeDigest(code), claim.code_hash!)) {
      await manager.query('UPDATE supplier_claim SET failed_attempts = failed_attempts + 1, updated_at = now() WHERE id = $1', [claimId]);
      await recordCodeEvent(manager, ClaimCodeEventKind.WRONG, parties);
      return wrongCodeError(manager, parties, {
        leftForCode: CLAIM_CODE_LIMITS.wrongCodesPerCode - claim.failed_attempts - 1,
        leftOverall: guesses.remaining - 1,
      });
    }
    await manager.query(`UPDATE supplier_claim SET status = 'APPROVED', decided_at = now(), updated_at = now() WHERE id = $1`, [claimId]);
    await grantMembership(manager, {
      accountId: viewer.accountId,
      supplierId: claim.supplier_id,
      role: MembershipRole.OWNER,
      actorId: viewer.accountId,
      via: { claimId },
    });
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId: claim.supplier_id,
      action: ChangeAction.CLAIM_APPROVED,
      changes: { claimId, method: ClaimMethod.EMAIL_CODE },
    });
    return loadClaim(manager, claimId);
  });
  if (outcome instanceof UserError) return failed(outcome);
  return changed(deps.db, outcome, true);
}

export async function cancelSupplierClaim(deps: Pick<ClaimDeps, 'db'>, caller: Caller, input: CancelSupplierClaimInput): Promise<ClaimOutcome> {
  const viewer = requireViewer(caller);
  const claimId = integerKeyOf(input.claimId, 'SupplierClaim', 'claimId');
  const outcome = await deps.db.transaction(async (manager) => {
    const claim = await lockOwnClaim(manager, claimId, viewer.accountId);
    if (!claim) return CLAIM_NOT_FOUND;
    if (claim.status !== ClaimStatus.PENDING) return UserError.of('claimId', UserErrorCode.NOT_ALLOWED_NOW, 'Cette demande est déjà close.');
    await manager.query(`UPDATE supplier_claim SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [claimId]);
    await recordChange(manager, { accountId: viewer.accountId, supplierId: claim.supplier_id, action: ChangeAction.CLAIM_CANCELLED, changes: { claimId } });
    return loadClaim(manager, claimId);
  });
  if (outcome instanceof UserError) return failed(outcome);
  return changed(deps.db, outcome, false);
}

/** An admin approves (the claimant becomes an OWNER) or rejects a pending claim; the claimant is mailed either way. */
export async function decideSupplierClaim(deps: ClaimDeps, caller: Caller, input: DecideSupplierClaimInput): Promise<ClaimOutcome> {
  const admin = requireAdmin(caller);
  const claimId = integerKeyOf(input.claimId, 'SupplierClaim', 'claimId');
  const approve = input.decision === ModerationDecision.APPROVE;
  const check = new InputCheck();
  const reason = checkMessage(check, 'reason', input.reason, 'Le motif', !approve);
  if (!check.ok || reason === null) return failed(...check.errors);

  const outcome = await deps.db.transaction(async (manager) => {
    const [claim]: { supplier_id: number; account_id: number; status: ClaimStatus }[] = await manager.query(
      'SELECT supplier_id, account_id, status FROM supplier_claim WHERE id = $1 FOR UPDATE',
      [claimId],
    );
    if (!claim) return UserError.of('claimId', UserErrorCode.NOT_FOUND, "Cette demande n'existe pas.");
    if (claim.status !== ClaimStatus.PENDING) return UserError.of('claimId', UserErrorCode.NOT_ALLOWED_NOW, 'Cette demande a déjà été traitée ou retirée.');
    await manager.query(
      `UPDATE supplier_claim SET status = $2, decided_by = $3, decided_at = now(), decision_reason = nullif($4, ''), updated_at = now() WHERE id = $1`,
      [claimId, approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, admin.accountId, reason],
    );
    if (approve) {
      await grantMembership(manager, {
        accountId: claim.account_id,
        supplierId: claim.supplier_id,
        role: MembershipRole.OWNER,
        actorId: admin.accountId,
        via: { claimId },
      });
    }
    await recordChange(manager, {
      accountId: admin.accountId,
      supplierId: claim.supplier_id,
      action: approve ? ChangeAction.CLAIM_APPROVED : ChangeAction.CLAIM_REJECTED,
      changes: { claimId, claimantAccountId: claim.account_id, reason },
    });
    return loadClaim(manager, claimId);
  });
  if (outcome instanceof UserError) return failed(outcome);
  const [supplier]: { name: string }[] = await deps.db.query('SELECT coalesce(brand_name, legal_name) AS name FROM supplier WHERE id = $1', [
    outcome!.supplier_id,
  ]);
  await deps.mailer.send(
    composeMail('claim-decided', outcome!.email, { supplierName: supplier.name, approved: approve, workspaceUrl: workspaceUrl(deps.config.publicUrl) }),
  );
  return changed(deps.db, outcome, approve);
}

/** Claims, oldest first, in a state and proven a way when given: the moderation queue (admins only). */
export async function supplierClaimQueue(
  deps: Pick<ClaimDeps, 'db'>,
  caller: Caller,
  filter: { status: ClaimStatus | null; method: ClaimMethod | null },
  page: PageArgs,
) {
  requireAdmin(caller);
  return moderationPage<ClaimRow, SupplierClaim>(
    deps.db,
    {
      ordering: 'supplierClaims:oldest',
      select: '*',
      from: `(SELECT ${CLAIM_COLUMNS} FROM supplier_claim c JOIN account a ON a.id = c.account_id) AS q`,
      where: '($1::supplier_claim_status IS NULL OR status = $1) AND ($2::supplier_claim_method IS NULL OR method = $2)',
      params: [filter.status, filter.method],
    },
    page,
    claimOf,
  );
}
