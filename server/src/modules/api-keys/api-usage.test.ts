import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { newApiKey } from './api-key-secret.js';
import { ApiUsageRecorder } from './api-usage.js';

/** The batched usage counters against a real PostgreSQL. */

let database: TestDatabase;
let apiKeyId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const [{ id: accountId }] = await database.db.query(
    `INSERT INTO account (email, password_hash, display_name, role) VALUES ('usage@exemple.fr', '$argon2id$test', 'Usage', 'BUYER') RETURNING id`,
  );
  const key = newApiKey();
  [{ id: apiKeyId }] = await database.db.query('INSERT INTO api_key (account_id, name, prefix, secret_digest) VALUES ($1, $2, $3, $4) RETURNING id', [
    accountId,
    'Usage',
    key.prefix,
    key.digest,
  ]);
});
afterAll(() => database.drop());

const usageRows = () =>
  database.db.query('SELECT hour, calls, errors, rate_limited FROM api_key_usage WHERE api_key_id = $1 ORDER BY hour', [apiKeyId]);

describe('ApiUsageRecorder', () => {
  it('writes nothing until a flush, then adds the counts per key and hour, and writes the rest at close', async () => {
    const recorder = new ApiUsageRecorder(database.db, 3600);
    const at = new Date('2026-11-25T10:15:00Z');
    recorder.record(apiKeyId, 'served', at);
    recorder.record(apiKeyId, 'error', new Date('2026-11-25T10:59:59Z'));
    recorder.record(apiKeyId, 'rateLimited', at);
    recorder.record(apiKeyId, 'served', new Date('2026-11-25T11:00:00Z'));
    expect(await usageRows()).toEqual([]);

    await recorder.flush();
    expect(await usageRows()).toEqual([
      { hour: new Date('2026-11-25T10:00:00Z'), calls: 2, errors: 1, rate_limited: 1 },
      { hour: new Date('2026-11-25T11:00:00Z'), calls: 1, errors: 0, rate_limited: 0 },
    ]);
    const [{ last_used_at: lastUsedAt }] = await database.db.query('SELECT last_used_at FROM api_key WHERE id = $1', [apiKeyId]);
    expect(lastUsedAt).toEqual(new Date('2026-11-25T11:00:00Z'));

    recorder.record(apiKeyId, 'served', at);
    await recorder.close();
    expect((await usageRows())[0]).toMatchObject({ calls: 3 });
  });

  it('keeps the counts of a failed write for the next flush', async () => {
    const recorder = new ApiUsageRecorder(database.db, 3600);
    const at = new Date('2026-11-20T08:00:00Z');
    recorder.record(apiKeyId, 'served', at);
    await database.db.query('ALTER TABLE api_key_usage RENAME TO api_key_usage_away');
    await expect(recorder.flush()).rejects.toThrow();
    await database.db.query('ALTER TABLE api_key_usage_away RENAME TO api_key_usage');
    recorder.record(apiKeyId, 'served', at);
    await recorder.close();
    expect((await usageRows())[0]).toEqual({ hour: at, calls: 2, errors: 0, rate_limited: 0 });
  });
});
