import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import { badUserInput, forbidden } from '../../core/graphql/errors.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { AccountRole } from '../accounts/account.entity.js';
import { canActForSupplier, requireSupplierAccess, requireViewer } from '../accounts/authorization.js';
import { emailProblem, normalizeEmail } from '../accounts/email-address.js';
import { newSecretToken, tokenDigest } from '../accounts/secret-token.js';
import { MembershipRole } from '../accounts/supplier-membership.entity.js';
import type { Caller, SessionViewer } from '../accounts/viewer.js';
import { ChangeAction, recordChange } from '../audit/change-log.js';
import { composeMail } from '../mail/mail-templates.js';
import type { Mailer } from '../mail/mailer.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import type {
  AcceptSupplierInvitationInput, InviteSupplierMemberInput, RemoveSupplierMemberInput, RevokeSupplierInvitationInput,
} from './membership.inputs.js';
import {
  grantMembership, INVITATION_COLUMNS, INVITATION_FROM, type InvitationRow, maskEmail, membershipOfSupplier, OPEN_INVITATION,
} from './membership.records.js';
import type { SupplierMembership } from './membership.types.js';
import { invitationUrl } from './workspace-links.js';

export const INVITATION_VALID_DAYS = 14;

/** What the invitation services use (a resolver passes its context). */
export interface InvitationDeps {
  db: DataSource;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl'>;
}

export interface InvitationOutcome {
  invitation: InvitationRow | null;
  userErrors: UserError[];
}

const OWNERS_ONLY = [MembershipRole.OWNER];

async function loadInvitation(db: SqlRunner, invitationId: number): Promise<InvitationRow | null> {
  const [row]: InvitationRow[] = await db.query(`SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} WHERE i.id = $1`, [invitationId]);
  return row ?? null;
}

/**
 * How an invitation mail names the structure: its name when it comes from official data
 * or was approved by an admin; a proposal's name was typed by a visitor, and mails never
 * carry a visitor's words, so its SIRET is given instead.
 */
function supplierLabel(supplier: { name: string; siret: string; data_source: SupplierSource; published: boolean }): string {
  return supplier.data_source !== SupplierSource.SUPPLIER || supplier.published
    ? `la structure « ${supplier.name} »`
    : `la structure de SIRET ${supplier.siret}`;
}

/** An OWNER (or an admin) invites a colleague; an open invitation to the same address is sent again with a new link. */
export async function inviteSupplierMember(deps: InvitationDeps, caller: Caller, input: InviteSupplierMemberInput): Promise<InvitationOutcome> {
  const supplierId = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  const viewer = requireSupplierAccess(caller, supplierId, OWNERS_ONLY);
  const email = normalizeEmail(input.email);
  const problem = emailProblem(email);
  if (problem) return { invitation: null, userErrors: [UserError.of('email', UserErrorCode[problem.code], problem.message)] };
  const role = input.role ?? MembershipRole.MEMBER;

  const [supplier]: { name: string; siret: string; data_source: SupplierSource; published: boolean }[] = await deps.db.query(
    'SELECT coalesce(brand_name, legal_name) AS name, siret, data_source, published FROM supplier WHERE id = $1',
    [supplierId],
  );
  if (!supplier) return { invitation: null, userErrors: [UserError.of('supplierId', UserErrorCode.NOT_FOUND, "Cette structure n'existe pas.")] };
  const token = newSecretToken();
  const outcome = await deps.db.transaction(async (manager) => {
    const [member] = await manager.query(
      `SELECT 1 FROM supplier_membership m JOIN account a ON a.id = m.account_id WHERE m.supplier_id = $1 AND a.email = $2`,
      [supplierId, email],
    );
    if (member) return UserError.of('email', UserErrorCode.NOT_ALLOWED_NOW, 'Cette personne fait déjà partie des membres de la structure.');
    // An expired invitation still holds the "one open invitation" slot: it is renewed like an open one.
    const [row]: { id: number }[] = await manager.query(
      `INSERT INTO supplier_invitation (supplier_id, email, role, invited_by, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
       ON CONFLICT (supplier_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL
       DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by, token_hash = excluded.token_hash,
         created_at = now(), expires_at = excluded.expires_at
       RETURNING id`,
      [supplierId, email, role, viewer.accountId, tokenDigest(token), INVITATION_VALID_DAYS],
    );
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      action: ChangeAction.MEMBER_INVITED,
      changes: { invitationId: row.id, email, role },
    });
    return loadInvitation(manager, row.id);
  });
  if (outcome instanceof UserError) return { invitation: null, userErrors: [outcome] };
  await deps.mailer.send(
    composeMail('supplier-invitation', email, {
      supplierLabel: supplierLabel(supplier),
      acceptUrl: invitationUrl(deps.config.publicUrl, token),
      validForDays: INVITATION_VALID_DAYS,
    }),
  );
  return { invitation: outcome, userErrors: [] };
}

/**
 * The open invitations addressed to the viewer's address, newest first, once that address is
 * confirmed: anyone can sign up with someone else's address, and would otherwise see which
 * structures invited it. Unconfirmed, the mailed link still works (reading it proves the address).
 */
export async function pendingInvitations(deps: Pick<InvitationDeps, 'db'>, caller: Caller): Promise<InvitationRow[]> {
  const viewer = requireViewer(caller);
  if (!viewer.emailVerifiedAt) return [];
  return deps.db.query(
    `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM}
     WHERE i.email = $1 AND ${OPEN_INVITATION}
       AND NOT EXISTS (SELECT 1 FROM supplier_membership m WHERE m.supplier_id = i.supplier_id AND m.account_id = $2)
     ORDER BY i.created_at DESC, i.id DESC`,
    [viewer.email, viewer.accountId],
  );
}

export interface AcceptOutcome {
  /** The membership the account got. */
  membership: SupplierMembership | null;
  userErrors: UserError[];
}

const INVALID_INVITATION = UserError.of(
  'token',
  UserErrorCode.INVALID_TOKEN,
  "Cette invitation n'est plus valable : elle a déjà servi, a été retirée ou a expiré. Demandez à un responsable de la structure de vous inviter à nouveau.",
);

/**
 * The invited person accepts, signed in with the invited address: by the mailed link's
 * token, or by the invitation's ID when the account's address is confirmed (reading the
 * mail proves the same thing).
 */
export async function acceptSupplierInvitation(deps: Pick<InvitationDeps, 'db'>, caller: Caller, input: AcceptSupplierInvitationInput): Promise<AcceptOutcome> {
  const viewer = requireViewer(caller);
  if (viewer.role !== AccountRole.SUPPLIER_MEMBER) {
    throw forbidden('Seuls les comptes de structures inclusives peuvent rejoindre une structure. Créez un compte « structure » avec cette adresse.');
  }
  if (Boolean(input.token) === Boolean(input.invitationId)) throw badUserInput('Give either "token" or "invitationId".', 'input');
  const invitationId = input.invitationId ? integerKeyOf(input.invitationId, 'SupplierInvitation', 'invitationId') : null;
  const outcome = await deps.db.transaction(async (manager) => {
    const [invitation]: { id: number; supplier_id: number; email: string; role: MembershipRole }[] = await manager.query(
      `SELECT id, supplier_id, email, role FROM supplier_invitation
       WHERE ${invitationId ? 'id = $1' : 'token_hash = $1'} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       FOR UPDATE`,
      [invitationId ?? tokenDigest(input.token!)],
    );
    if (!invitation) return invitationId ? UserError.of('invitationId', UserErrorCode.INVALID_TOKEN, INVALID_INVITATION.message) : INVALID_INVITATION;
    if (invitation.email !== viewer.email) {
      return UserError.of(
        invitationId ? 'invitationId' : 'token',
        UserErrorCode.NOT_ALLOWED_NOW,
        `Cette invitation a été envoyée à ${maskEmail(invitation.email)}. Connectez-vous avec le compte de cette adresse (ou créez-le) pour l'accepter.`,
      );
    }
    if (invitationId && !viewer.emailVerifiedAt) {
      return UserError.of(
        'invitationId',
        UserErrorCode.NOT_ALLOWED_NOW,
        "Confirmez d'abord votre adresse électronique, ou ouvrez le lien reçu dans le message d'invitation.",
      );
    }
    await manager.query('UPDATE supplier_invitation SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [invitation.id, viewer.accountId]);
    await grantMembership(manager, {
      accountId: viewer.accountId,
      supplierId: invitation.supplier_id,
      role: invitation.role,
      actorId: viewer.accountId,
      via: { invitationId: invitation.id },
    });
    return invitation.supplier_id;
  });
  if (outcome instanceof UserError) return { membership: null, userErrors: [outcome] };
  return { membership: await membershipOfSupplier(deps.db, viewer.accountId, outcome), userErrors: [] };
}

export async function revokeSupplierInvitation(
  deps: Pick<InvitationDeps, 'db'>,
  caller: Caller,
  input: RevokeSupplierInvitationInput,
): Promise<InvitationOutcome> {
  const invitationId = integerKeyOf(input.invitationId, 'SupplierInvitation', 'invitationId');
  requireViewer(caller);
  const [target]: { supplier_id: number }[] = await deps.db.query('SELECT supplier_id FROM supplier_invitation WHERE id = $1', [invitationId]);
  // An invitation of a supplier the viewer cannot see is reported as missing, not as forbidden.
  if (!target || !canActForSupplier(caller.viewer, target.supplier_id)) {
    return { invitation: null, userErrors: [UserError.of('invitationId', UserErrorCode.NOT_FOUND, "Cette invitation n'existe pas.")] };
  }
  const viewer = requireSupplierAccess(caller, target.supplier_id, OWNERS_ONLY);
  const outcome = await deps.db.transaction(async (manager) => {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [revoked]: [{ id: number }[], number] = await manager.query(
      'UPDATE supplier_invitation SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id',
      [invitationId],
    );
    if (revoked.length === 0) return UserError.of('invitationId', UserErrorCode.NOT_ALLOWED_NOW, 'Cette invitation a déjà été acceptée ou retirée.');
    await recordChange(manager, { accountId: viewer.accountId, supplierId: target.supplier_id, action: ChangeAction.INVITATION_REVOKED, changes: { invitationId } });
    return loadInvitation(manager, invitationId);
  });
  if (outcome instanceof UserError) return { invitation: null, userErrors: [outcome] };
  return { invitation: outcome, userErrors: [] };
}

export interface RemoveOutcome {
  removedAccountId: number | null;
  userErrors: UserError[];
  /** When the caller left the supplier: their viewer without that membership, from now on. */
  viewer?: SessionViewer;
}

/** An OWNER or an admin removes a member; anyone may leave. A supplier always keeps one OWNER. */
export async function removeSupplierMember(deps: Pick<InvitationDeps, 'db'>, caller: Caller, input: RemoveSupplierMemberInput): Promise<RemoveOutcome> {
  const supplierId = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  const accountId = integerKeyOf(input.accountId, 'Account', 'accountId');
  const viewer = requireViewer(caller);
  if (accountId !== viewer.accountId) requireSupplierAccess(caller, supplierId, OWNERS_ONLY);
  const outcome = await deps.db.transaction(async (manager) => {
    // Locks the supplier's memberships: two owners leaving at once cannot leave none.
    const members: { account_id: number; role: MembershipRole }[] = await manager.query(
      'SELECT account_id, role FROM supplier_membership WHERE supplier_id = $1 FOR UPDATE',
      [supplierId],
    );
    const target = members.find((member) => member.account_id === accountId);
    if (!target) return UserError.of('accountId', UserErrorCode.NOT_FOUND, "Ce compte n'est pas membre de la structure.");
    const owners = members.filter((member) => member.role === MembershipRole.OWNER).length;
    if (target.role === MembershipRole.OWNER && owners === 1) {
      return UserError.of(
        'accountId',
        UserErrorCode.NOT_ALLOWED_NOW,
        'La structure doit garder au moins un responsable : invitez-en un autre avant de retirer celui-ci.',
      );
    }
    await manager.query('DELETE FROM supplier_membership WHERE supplier_id = $1 AND account_id = $2', [supplierId, accountId]);
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      action: ChangeAction.MEMBER_REMOVED,
      changes: { memberAccountId: accountId, role: target.role },
    });
    return accountId;
  });
  if (outcome instanceof UserError) return { removedAccountId: null, userErrors: [outcome] };
  if (accountId !== viewer.accountId) return { removedAccountId: outcome, userErrors: [] };
  const memberships = viewer.memberships.filter((membership) => membership.supplierId !== supplierId);
  return { removedAccountId: outcome, userErrors: [], viewer: { ...viewer, memberships } };
}
