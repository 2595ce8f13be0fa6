import { describe, expect, it } from 'vitest';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { signUpIn } from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';
import { deleteExpiredAccountRecords, scheduleAccountCleanup } from './account-cleanup.js';

const app = useTestServer();

/** A signed-up account: one live session, one unused confirmation token. */
async function newAccountId(): Promise<number> {
  const viewer = await signUpIn(app.server.browser());
  return integerKeyOf(viewer.account.id, 'Account');
}

async function rowsOf(accountId: number) {
  const [row]: { sessions: number; tokens: number }[] = await app.database.db.query(
    `SELECT (SELECT count(*) FROM account_session WHERE account_id = $1)::int AS sessions,
            (SELECT count(*) FROM account_token WHERE account_id = $1)::int AS tokens`,
    [accountId],
  );
  return row;
}

describe('account cleanup', () => {
  it('deletes expired sessions and used or expired tokens, and keeps live ones', async () => {
    const live = await newAccountId();
    const expired = await newAccountId();
    const used = await newAccountId();
    await app.database.db.query(`UPDATE account_session SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [expired]);
    await app.database.db.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [expired]);
    await app.database.db.query(`UPDATE account_token SET used_at = now() WHERE account_id = $1`, [used]);

    const report = await deleteExpiredAccountRecords(app.database.db);

    expect(report.sessions).toBeGreaterThanOrEqual(1);
    expect(report.tokens).toBeGreaterThanOrEqual(2);
    expect(await rowsOf(live)).toEqual({ sessions: 1, tokens: 1 });
    expect(await rowsOf(expired)).toEqual({ sessions: 0, tokens: 0 });
    expect(await rowsOf(used)).toEqual({ sessions: 1, tokens: 0 });
    // Nothing left to delete: a second run finds nothing.
    expect(await deleteExpiredAccountRecords(app.database.db)).toEqual({ sessions: 0, tokens: 0 });
  });

  it('runs once at start, and logs what it deleted', async () => {
    const expired = await newAccountId();
    await app.database.db.query(`UPDATE account_session SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [expired]);
    const logged: string[] = [];
    const cleanup = scheduleAccountCleanup(app.database.db, (message) => logged.push(message));
    await cleanup.firstRun;
    cleanup.stop();
    expect(await rowsOf(expired)).toEqual({ sessions: 0, tokens: 1 });
    expect(logged).toEqual([expect.stringMatching(/^Account cleanup: 1 expired sessions, 0 used or expired link tokens deleted$/)]);
  });

  it('logs a failure instead of stopping the server', async () => {
    const logged: string[] = [];
    const failing = { query: () => Promise.reject(new Error('connexion perdue')) };
    const cleanup = scheduleAccountCleanup(failing, (message) => logged.push(message));
    await cleanup.firstRun;
    cleanup.stop();
    expect(logged).toEqual(['Account cleanup failed: connexion perdue']);
  });
});
