import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import { forbidden } from '../../core/graphql/errors.js';
import { integerKeyOf, toGlobalId } from '../../core/graphql/global-id.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { requireViewer } from '../accounts/authorization.js';
import { newSecretToken } from '../accounts/secret-token.js';
import type { Caller, SessionViewer } from '../accounts/viewer.js';
import { InputCheck } from '../../core/graphql/input-check.js';
import { ShortlistEntity } from './shortlist.entity.js';
import type {
  AddToShortlistInput, CreateShortlistInput, MergeShortlistInput, RenameShortlistInput, ShortlistEntrySelectorInput, ShortlistSelectorInput,
  UpdateShortlistNoteInput,
} from './shortlist.inputs.js';
import { SharedShortlist, Shortlist } from './shortlist.types.js';

/**
 * Buyers' shortlists. Private working lists: they are not written to change_log, whose
 * rows the suppliers' members read (a buyer's choices are not theirs to see).
 */

export const MAX_SHORTLISTS = 50;
export const MAX_ENTRIES = 500;
export const DEFAULT_SHORTLIST_NAME = 'Ma sélection';
const NAME_RULE = { label: 'Le nom de la liste', max: 100, required: true } as const;
const NOTE_RULE = { label: 'La note', max: 2000, multiline: true } as const;

/** What the shortlist services use (a resolver passes its context). */
export interface ShortlistDeps {
  db: DataSource;
  config: Pick<Config, 'publicUrl'>;
}

function shareUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/listes/${token}`;
}

/** A list as shown to its owner; its entries are read by the resolvers, through the request's loaders. */
function shortlistOf(deps: Pick<ShortlistDeps, 'config'>, entity: ShortlistEntity): Shortlist {
  return Object.assign(new Shortlist(), {
    id: toGlobalId('Shortlist', entity.id),
    key: entity.id,
    name: entity.name,
    shareUrl: entity.shareToken ? shareUrlOf(deps.config.publicUrl, entity.shareToken) : null,
    createdAt: entity.createdAt,
  });
}

/** The account's lists, oldest first. */
export async function shortlistsOf(deps: ShortlistDeps, accountId: number): Promise<Shortlist[]> {
  const rows = await deps.db.getRepository(ShortlistEntity).find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((row) => shortlistOf(deps, row));
}

/** The list behind a share link; null when the token is unknown or the list no longer shared. */
export async function sharedShortlist(deps: Pick<ShortlistDeps, 'db'>, token: string): Promise<SharedShortlist | null> {
  if (!/^[A-Za-z0-9_-]{22,100}$/.test(token)) return null;
  const entity = await deps.db.getRepository(ShortlistEntity).findOneBy({ shareToken: token });
  return entity && Object.assign(new SharedShortlist(), { key: entity.id, name: entity.name });
}

export type Outcome = { shortlist: Shortlist | null; userErrors: UserError[] };
const failed = (...userErrors: UserError[]): Outcome => ({ shortlist: null, userErrors });

/**
 * The viewer's list, locked for the transaction (limits are counted under the lock).
 * Someone else's list: FORBIDDEN; a list that does not exist (any more): NOT_FOUND.
 */
async function ownedShortlist(viewer: SessionViewer, manager: EntityManager, shortlistId: string): Promise<ShortlistEntity | UserError> {
  const entity = await manager
    .getRepository(ShortlistEntity)
    .findOne({ where: { id: integerKeyOf(shortlistId, 'Shortlist', 'shortlistId') }, lock: { mode: 'pessimistic_write' } });
  if (!entity) return UserError.of('shortlistId', UserErrorCode.NOT_FOUND, 'Cette liste n’existe plus.');
  if (entity.accountId !== viewer.accountId) throw forbidden('Cette liste appartient à un autre compte.');
  return entity;
}

/** Runs a change of one of the viewer's lists in a transaction and returns the list after it. */
async function changeShortlist(
  deps: ShortlistDeps,
  caller: Caller,
  shortlistId: string,
  change: (manager: EntityManager, entity: ShortlistEntity) => Promise<UserError[]>,
): Promise<Outcome> {
  const viewer = requireViewer(caller);
  return deps.db.transaction(async (manager) => {
    const entity = await ownedShortlist(viewer, manager, shortlistId);
    if (entity instanceof UserError) return failed(entity);
    const userErrors = await change(manager, entity);
    if (userErrors.length > 0) return failed(...userErrors);
    await manager.query('UPDATE shortlist SET updated_at = now() WHERE id = $1', [entity.id]);
    return { shortlist: shortlistOf(deps, entity), userErrors: [] };
  });
}

export async function createShortlist(deps: ShortlistDeps, caller: Caller, input: CreateShortlistInput): Promise<Outcome> {
  const viewer = requireViewer(caller);
  const check = new InputCheck();
  const name = check.text(['name'], input.name, NAME_RULE);
  if (name === null) return failed(...check.errors);
  return deps.db.transaction(async (manager) => {
    // Serialises the account's creations so that the limit holds.
    await manager.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [viewer.accountId]);
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM shortlist WHERE account_id = $1', [viewer.accountId]);
    if (count >= MAX_SHORTLISTS) {
      return failed(UserError.of(null, UserErrorCode.OUT_OF_RANGE, `Vous avez déjà ${MAX_SHORTLISTS} listes, le maximum : supprimez-en une pour en créer une autre.`));
    }
    const repository = manager.getRepository(ShortlistEntity);
    const { id } = await repository.save(repository.create({ accountId: viewer.accountId, name }));
    return { shortlist: shortlistOf(deps, await repository.findOneByOrFail({ id })), userErrors: [] };
  });
}

export function renameShortlist(deps: ShortlistDeps, caller: Caller, input: RenameShortlistInput): Promise<Outcome> {
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    const check = new InputCheck();
    const name = check.text(['name'], input.name, NAME_RULE);
    if (name === null) return check.errors;
    await manager.query('UPDATE shortlist SET name = $2 WHERE id = $1', [entity.id, name]);
    entity.name = name;
    return [];
  });
}

export async function deleteShortlist(
  deps: ShortlistDeps,
  caller: Caller,
  input: ShortlistSelectorInput,
): Promise<{ deletedShortlistId: string | null; userErrors: UserError[] }> {
  const viewer = requireViewer(caller);
  return deps.db.transaction(async (manager) => {
    const entity = await ownedShortlist(viewer, manager, input.shortlistId);
    if (entity instanceof UserError) return { deletedShortlistId: null, userErrors: [entity] };
    await manager.query('DELETE FROM shortlist WHERE id = $1', [entity.id]);
    return { deletedShortlistId: input.shortlistId, userErrors: [] };
  });
}

function checkedNote(note: string | null | undefined): { note: string | null } | UserError[] {
  if (note === null || note === undefined) return { note: null };
  const check = new InputCheck();
  const cleaned = check.text(['note'], note, NOTE_RULE);
  return cleaned === null ? check.errors : { note: cleaned };
}

async function entryCount(manager: EntityManager, shortlistKey: number): Promise<number> {
  const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM shortlist_entry WHERE shortlist_id = $1', [shortlistKey]);
  return count;
}

const entryLimitError = () =>
  UserError.of(null, UserErrorCode.OUT_OF_RANGE, `Cette liste compte déjà ${MAX_ENTRIES} structures, le maximum : créez une autre liste.`);

/** Adds a published structure; adding it again changes nothing but the note, when one is given. */
export function addToShortlist(deps: ShortlistDeps, caller: Caller, input: AddToShortlistInput): Promise<Outcome> {
  const supplierKey = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    const note = checkedNote(input.note);
    if (Array.isArray(note)) return note;
    const [supplier] = await manager.query('SELECT 1 FROM supplier WHERE id = $1 AND published', [supplierKey]);
    if (!supplier) return [UserError.of('supplierId', UserErrorCode.NOT_FOUND, 'Cette structure n’est pas (ou plus) dans l’annuaire.')];
    const [present] = await manager.query('SELECT 1 FROM shortlist_entry WHERE shortlist_id = $1 AND supplier_id = $2', [entity.id, supplierKey]);
    if (!present && (await entryCount(manager, entity.id)) >= MAX_ENTRIES) return [entryLimitError()];
    await manager.query(
      `INSERT INTO shortlist_entry (shortlist_id, supplier_id, note) VALUES ($1, $2, coalesce($3, ''))
       ON CONFLICT (shortlist_id, supplier_id) DO UPDATE SET note = coalesce($3, shortlist_entry.note)`,
      [entity.id, supplierKey, note.note],
    );
    return [];
  });
}

const notOnList = () => UserError.of('supplierId', UserErrorCode.NOT_FOUND, 'Cette structure n’est pas dans la liste.');

export function updateShortlistNote(deps: ShortlistDeps, caller: Caller, input: UpdateShortlistNoteInput): Promise<Outcome> {
  const supplierKey = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    const note = checkedNote(input.note);
    if (Array.isArray(note)) return note;
    const [, updated] = await manager.query('UPDATE shortlist_entry SET note = $3 WHERE shortlist_id = $1 AND supplier_id = $2', [
      entity.id,
      supplierKey,
      note.note,
    ]);
    return updated === 0 ? [notOnList()] : [];
  });
}

export function removeFromShortlist(deps: ShortlistDeps, caller: Caller, input: ShortlistEntrySelectorInput): Promise<Outcome> {
  const supplierKey = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    const [, deleted] = await manager.query('DELETE FROM shortlist_entry WHERE shortlist_id = $1 AND supplier_id = $2', [entity.id, supplierKey]);
    return deleted === 0 ? [notOnList()] : [];
  });
}

/**
 * Shares the list by a link with a random token (256 bits). Stored in clear, unlike session
 * tokens: the owner must be able to copy the link again, and it only opens a read-only list.
 * Sharing a shared list keeps its link.
 */
export function shareShortlist(deps: ShortlistDeps, caller: Caller, input: ShortlistSelectorInput): Promise<Outcome> {
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    entity.shareToken ??= newSecretToken();
    await manager.query('UPDATE shortlist SET share_token = $2 WHERE id = $1', [entity.id, entity.shareToken]);
    return [];
  });
}

/** Stops sharing: the link opens nothing from now on (sharing again gives a new link). */
export function unshareShortlist(deps: ShortlistDeps, caller: Caller, input: ShortlistSelectorInput): Promise<Outcome> {
  return changeShortlist(deps, caller, input.shortlistId, async (manager, entity) => {
    await manager.query('UPDATE shortlist SET share_token = NULL WHERE id = $1', [entity.id]);
    entity.shareToken = null;
    return [];
  });
}

/** Supplier keys of the given IDs, in order, without repeats; IDs that name no supplier are dropped. */
function supplierKeysOf(ids: string[]): number[] {
  const keys = new Set<number>();
  for (const id of ids) {
    const key = id.length <= 200 ? supplierKeyOrNull(id) : null;
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

function supplierKeyOrNull(id: string): number | null {
  try {
    return integerKeyOf(id, 'Supplier');
  } catch {
    return null;
  }
}

/**
 * At sign-in: adds the structures of the browser's anonymous list to one of the account's lists
 * (its first one by default, created when it has none), in one transaction.
 */
export async function mergeShortlist(
  deps: ShortlistDeps,
  caller: Caller,
  input: MergeShortlistInput,
): Promise<Outcome & { addedCount: number; skippedCount: number }> {
  const viewer = requireViewer(caller);
  const none = { addedCount: 0, skippedCount: 0 };
  if (input.supplierIds.length > MAX_ENTRIES) {
    return { ...failed(UserError.of('supplierIds', UserErrorCode.OUT_OF_RANGE, `Au plus ${MAX_ENTRIES} structures à la fois.`)), ...none };
  }
  const keys = supplierKeysOf(input.supplierIds);
  return deps.db.transaction(async (manager) => {
    let entity: ShortlistEntity | UserError;
    if (input.shortlistId) {
      entity = await ownedShortlist(viewer, manager, input.shortlistId);
    } else {
      await manager.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [viewer.accountId]);
      const repository = manager.getRepository(ShortlistEntity);
      const first = await repository.findOne({ where: { accountId: viewer.accountId }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      entity = first ?? (await repository.findOneByOrFail({ id: (await repository.save(repository.create({ accountId: viewer.accountId, name: DEFAULT_SHORTLIST_NAME }))).id }));
    }
    if (entity instanceof UserError) return { ...failed(entity), ...none };
    const room = Math.max(0, MAX_ENTRIES - (await entryCount(manager, entity.id)));
    // Published suppliers not yet on the list, as many as fit, keeping the order given (added_at).
    const inserted: unknown[] = await manager.query(
      `INSERT INTO shortlist_entry (shortlist_id, supplier_id, added_at)
       SELECT $1, s.id, now() + given.position * interval '1 microsecond' FROM unnest($2::int[]) WITH ORDINALITY AS given (id, position)
       JOIN supplier s ON s.id = given.id AND s.published
       WHERE NOT EXISTS (SELECT 1 FROM shortlist_entry e WHERE e.shortlist_id = $1 AND e.supplier_id = s.id)
       ORDER BY given.position LIMIT $3
       RETURNING supplier_id`,
      [entity.id, keys, room],
    );
    await manager.query('UPDATE shortlist SET updated_at = now() WHERE id = $1', [entity.id]);
    return { shortlist: shortlistOf(deps, entity), userErrors: [], addedCount: inserted.length, skippedCount: input.supplierIds.length - inserted.length };
  });
}
