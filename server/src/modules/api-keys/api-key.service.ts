import type { DataSource } from 'typeorm';
import { forbidden } from '../../core/graphql/errors.js';
import { integerKeyOf, toGlobalId } from '../../core/graphql/global-id.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type PageArgs } from '../../core/graphql/pagination.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { AccountRole } from '../accounts/account.entity.js';
import { Account } from '../accounts/account.types.js';
import { requireAdmin, requireViewer } from '../accounts/authorization.js';
import type { Caller } from '../accounts/viewer.js';
import { InputCheck } from '../../core/graphql/input-check.js';
import type { ApiAccess } from './api-access.js';
import { newApiKey } from './api-key-secret.js';
import type { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs.js';
import { ApiKey, ApiKeyConnection, ApiKeyDailyUsage, ApiKeyEdge, ApiKeyUsage } from './api-key.types.js';

/** Keys an account may have working at once (revoked ones do not count). */
export const MAX_ACTIVE_KEYS = 20;
export const USAGE_DAYS = 30;
const NAME_RULE = { label: 'Le nom de la clé', max: 100, required: true } as const;
const ORDERING = 'apiKey:id:desc';

/** What the key services use (a resolver passes its context). */
export interface ApiKeyDeps {
  db: DataSource;
  /** Its usage counters are written before keys are read. */
  apiAccess: Pick<ApiAccess, 'usage'>;
}

interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  account_id: number;
  email: string;
  display_name: string;
  role: AccountRole;
  email_verified_at: Date | null;
  account_created_at: Date;
}

const SELECT_KEYS = `
  SELECT k.id, k.name, k.prefix, k.created_at, k.last_used_at, k.revoked_at, k.account_id,
         a.email, a.display_name, a.role, a.email_verified_at, a.created_at AS account_created_at
  FROM api_key k JOIN account a ON a.id = k.account_id`;

/** The UTC days of the usage window, oldest first. */
function usageDays(now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: USAGE_DAYS }, (_, index) => new Date(today - (USAGE_DAYS - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Reads keys with their owners, after every server process wrote its pending usage
 * counters: the owner sees the calls just made (and their last use) at once.
 */
async function selectKeys(deps: ApiKeyDeps, where: string, parameters: unknown[]): Promise<ApiKeyRow[]> {
  await deps.apiAccess.usage.flushEverywhere();
  return deps.db.query(`${SELECT_KEYS} ${where}`, parameters);
}

/** Builds the keys of one list; their usage is read on demand, in one query for the whole list. */
function keysOf(deps: Pick<ApiKeyDeps, 'db'>, rows: ApiKeyRow[]): ApiKey[] {
  let usage: Promise<Map<number, ApiKeyUsage>> | null = null;
  const loadAll = async (): Promise<Map<number, ApiKeyUsage>> => {
    const days = usageDays();
    const counted: { api_key_id: number; day: string; calls: number; errors: number; rate_limited: number }[] = await deps.db.query(
      `SELECT api_key_id, to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              sum(calls)::int AS calls, sum(errors)::int AS errors, sum(rate_limited)::int AS rate_limited
       FROM api_key_usage WHERE api_key_id = ANY($1::int[]) AND hour >= $2::timestamptz
       GROUP BY 1, 2`,
      [rows.map((row) => row.id), `${days[0]}T00:00:00Z`],
    );
    return new Map(
      rows.map((row) => {
        const byDay = new Map(counted.filter((count) => count.api_key_id === row.id).map((count) => [count.day, count]));
        const series = days.map((day) => {
          const count = byDay.get(day);
          return Object.assign(new ApiKeyDailyUsage(), { day, calls: count?.calls ?? 0, errors: count?.errors ?? 0, rateLimited: count?.rate_limited ?? 0 });
        });
        const sum = (field: 'calls' | 'errors' | 'rateLimited') => series.reduce((total, entry) => total + entry[field], 0);
        return [row.id, Object.assign(new ApiKeyUsage(), { calls: sum('calls'), errors: sum('errors'), rateLimited: sum('rateLimited'), days: series })];
      }),
    );
  };
  return rows.map((row) =>
    Object.assign(new ApiKey(), {
      id: toGlobalId('ApiKey', row.id),
      name: row.name,
      prefix: row.prefix,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      owner: Account.from({
        accountId: row.account_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        emailVerifiedAt: row.email_verified_at,
        createdAt: row.account_created_at,
      }),
      loadUsage: async () => {
        usage ??= loadAll();
        return (await usage).get(row.id)!;
      },
    }),
  );
}

/** An account's keys, newest first, revoked ones included. */
export async function apiKeysOf(deps: ApiKeyDeps, accountId: number): Promise<ApiKey[]> {
  const rows: ApiKeyRow[] = await selectKeys(deps, 'WHERE k.account_id = $1 ORDER BY k.id DESC', [accountId]);
  return keysOf(deps, rows);
}

/** Every key, newest first (admins only). */
export async function allApiKeys(deps: ApiKeyDeps, caller: Caller, page: PageArgs): Promise<ApiKeyConnection> {
  requireAdmin(caller);
  const limit = pageSizeOf(page.first);
  const [afterId] = page.after ? decodeCursor(page.after, ORDERING, ['int4']) : [null];
  // The identity id grows with creation time: a unique, newest-first key.
  const rows: ApiKeyRow[] =
    limit === 0 ? [] : await selectKeys(deps, 'WHERE $1::int IS NULL OR k.id < $1 ORDER BY k.id DESC LIMIT $2', [afterId, limit + 1]);
  const keys = keysOf(deps, rows.slice(0, limit));
  const edges = keys.map((node, index) => Object.assign(new ApiKeyEdge(), { cursor: encodeCursor(ORDERING, [rows[index].id]), node }));
  return Object.assign(new ApiKeyConnection(), {
    edges,
    pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after),
    countAll: async () => (await deps.db.query('SELECT count(*)::int AS count FROM api_key'))[0].count as number,
  });
}

async function apiKeyById(deps: ApiKeyDeps, id: number): Promise<ApiKey> {
  const rows: ApiKeyRow[] = await selectKeys(deps, 'WHERE k.id = $1', [id]);
  return keysOf(deps, rows)[0];
}

export async function createApiKey(
  deps: ApiKeyDeps,
  caller: Caller,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKey | null; key: string | null; userErrors: UserError[] }> {
  const viewer = requireViewer(caller);
  const check = new InputCheck();
  const name = check.text(['name'], input.name, NAME_RULE);
  if (name === null) return { apiKey: null, key: null, userErrors: check.errors };
  const created = await deps.db.transaction(async (manager) => {
    // Serialises the account's creations so that the limit holds.
    await manager.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [viewer.accountId]);
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM api_key WHERE account_id = $1 AND revoked_at IS NULL', [viewer.accountId]);
    if (count >= MAX_ACTIVE_KEYS) {
      return UserError.of(null, UserErrorCode.OUT_OF_RANGE, `Vous avez déjà ${MAX_ACTIVE_KEYS} clés actives, le maximum : révoquez-en une pour en créer une autre.`);
    }
    const secret = newApiKey();
    const [{ id }] = await manager.query('INSERT INTO api_key (account_id, name, prefix, secret_digest) VALUES ($1, $2, $3, $4) RETURNING id', [
      viewer.accountId,
      name,
      secret.prefix,
      secret.digest,
    ]);
    return { id: id as number, key: secret.key };
  });
  if (created instanceof UserError) return { apiKey: null, key: null, userErrors: [created] };
  return { apiKey: await apiKeyById(deps, created.id), key: created.key, userErrors: [] };
}

/** Revokes a key of the viewer (or any key, for an admin); the next request with it gets a 401. */
export async function revokeApiKey(deps: ApiKeyDeps, caller: Caller, input: RevokeApiKeyInput): Promise<{ apiKey: ApiKey | null; userErrors: UserError[] }> {
  const viewer = requireViewer(caller);
  const id = integerKeyOf(input.apiKeyId, 'ApiKey', 'apiKeyId');
  const failure = await deps.db.transaction(async (manager) => {
    const [row]: { account_id: number; revoked_at: Date | null }[] = await manager.query(
      'SELECT account_id, revoked_at FROM api_key WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) return UserError.of(['apiKeyId'], UserErrorCode.NOT_FOUND, 'Cette clé n’existe pas (ou plus).');
    if (row.account_id !== viewer.accountId && viewer.role !== AccountRole.ADMIN) throw forbidden('Cette clé appartient à un autre compte.');
    if (row.revoked_at) return UserError.of(['apiKeyId'], UserErrorCode.NOT_ALLOWED_NOW, 'Cette clé est déjà révoquée.');
    await manager.query('UPDATE api_key SET revoked_at = now() WHERE id = $1', [id]);
    return null;
  });
  if (failure) return { apiKey: null, userErrors: [failure] };
  return { apiKey: await apiKeyById(deps, id), userErrors: [] };
}
