import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';

/** What a change_log row records (column action; a closed set, stable for readers of the log). */
export enum ChangeAction {
  SUPPLIER_PROFILE_UPDATED = 'SUPPLIER_PROFILE_UPDATED',
  SUPPLIER_LOGO_UPDATED = 'SUPPLIER_LOGO_UPDATED',
  SUPPLIER_LOGO_REMOVED = 'SUPPLIER_LOGO_REMOVED',
  SUPPLIER_PROPOSED = 'SUPPLIER_PROPOSED',
  SUPPLIER_PROPOSAL_APPROVED = 'SUPPLIER_PROPOSAL_APPROVED',
  SUPPLIER_PROPOSAL_REJECTED = 'SUPPLIER_PROPOSAL_REJECTED',
  OFFERING_CREATED = 'OFFERING_CREATED',
  OFFERING_UPDATED = 'OFFERING_UPDATED',
  OFFERING_PUBLISHED = 'OFFERING_PUBLISHED',
  OFFERING_UNPUBLISHED = 'OFFERING_UNPUBLISHED',
  OFFERING_ARCHIVED = 'OFFERING_ARCHIVED',
  CLAIM_REQUESTED = 'CLAIM_REQUESTED',
  CLAIM_APPROVED = 'CLAIM_APPROVED',
  CLAIM_REJECTED = 'CLAIM_REJECTED',
  /** Withdrawn by the claimant (kept so that the log explains why a claim vanished from the queue). */
  CLAIM_CANCELLED = 'CLAIM_CANCELLED',
  MEMBER_INVITED = 'MEMBER_INVITED',
  INVITATION_REVOKED = 'INVITATION_REVOKED',
  MEMBER_JOINED = 'MEMBER_JOINED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
}

/** Changed fields, by name: what it was and what it became (JSON values). */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface ChangeRecord {
  /** Who did it (null for the system). */
  accountId: number | null;
  supplierId: number | null;
  offeringId?: number | null;
  action: ChangeAction;
  /** Field changes, or the details of a decision (reason, claim id…). */
  changes?: FieldChanges | Record<string, unknown>;
}

/** The fields whose values differ between two snapshots (compared as JSON values). */
export function fieldChanges<T extends object>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(after) as [keyof T & string, unknown][]) {
    if (to === undefined) continue;
    const from = before[field];
    if (!isDeepStrictEqual(normalise(from), normalise(to))) changes[field] = { from: normalise(from), to: normalise(to) };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value ?? null;
}

/**
 * Appends to the change log, in the caller's transaction (pass its manager): the log holds
 * a change if and only if the change was committed.
 */
export async function recordChange(manager: EntityManager, change: ChangeRecord): Promise<void> {
  await manager.query(
    'INSERT INTO change_log (account_id, supplier_id, offering_id, action, changes) VALUES ($1, $2, $3, $4, $5)',
    [change.accountId, change.supplierId, change.offeringId ?? null, change.action, JSON.stringify(change.changes ?? {})],
  );
}
