import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { integerKeyOf, toGlobalId } from '../../core/graphql/global-id.js';
import { mailsTo, signedIn, type UserErrorData } from '../../test-support/accounts.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { scheduleAccountCleanup } from '../accounts/account-cleanup.js';
import {
  budgetOf, CLAIM_CODE_EVENT_RETENTION_HOURS, CLAIM_CODE_LIMITS, deleteExpiredClaimCodeEvents, frenchDelay, frenchWindow,
} from './claim-code-limits.js';
import { cancelClaim, confirmClaim, insertOfficialSupplier, lastCodeSentTo, requestClaim, wrongCode } from './membership.test-support.js';

/**
 * Brute force of claim codes (issue 13): the counts outlive claims, and hold per structure
 * and per account. Over real HTTP; codes read from the outbox; time moved by shifting the
 * events back in the database.
 */

const app = useTestServer();
const db = () => app.database.db;
const HOUR = 3600;

let addresses = 0;
async function structure(): Promise<{ supplierId: number; email: string }> {
  addresses += 1;
  const email = `accueil.${addresses}@structure-limites.fr`;
  return { supplierId: await insertOfficialSupplier(db(), email), email };
}

const staff = async () => signedIn(app.server, db(), 'SUPPLIER_MEMBER');
const codeMails = async (email: string) => (await mailsTo(db(), email, 'claim-code')).length;

/** Moves a structure's events back in time, as if `hours` had passed. */
async function letTimePass(supplierId: number, hours: number): Promise<void> {
  await db().query('UPDATE supplier_claim_code_event SET created_at = created_at - make_interval(hours => $2) WHERE supplier_id = $1', [supplierId, hours]);
}

interface Tally {
  /** Guesses checked against a code (answered WRONG_CODE). */
  guesses: number;
  /** Requests and confirmations refused, with their last refusal. */
  refusedRequests: number;
  refusedGuesses: number;
  lastRefusal: UserErrorData | null;
}

/** The attack of the issue: ask a code, type 5 wrong ones, cancel; `cycles` times. */
async function attack(browser: TestBrowser, target: { supplierId: number; email: string }, cycles: number, tally?: Tally): Promise<Tally> {
  const result = tally ?? { guesses: 0, refusedRequests: 0, refusedGuesses: 0, lastRefusal: null };
  for (let cycle = 0; cycle < cycles; cycle++) {
    const requested = await requestClaim(browser, target.supplierId);
    if (!requested.claim) {
      result.refusedRequests += 1;
      result.lastRefusal = requested.userErrors[0];
      continue;
    }
    const code = await lastCodeSentTo(db(), target.email);
    for (let attempt = 0; attempt < CLAIM_CODE_LIMITS.wrongCodesPerCode; attempt++) {
      const answer = await confirmClaim(browser, requested.claim.id, wrongCode(code, attempt + 10 * cycle));
      expect(answer.membership).toBeNull();
      if (answer.userErrors[0].code === 'WRONG_CODE') result.guesses += 1;
      else {
        result.refusedGuesses += 1;
        result.lastRefusal = answer.userErrors[0];
      }
    }
    expect((await cancelClaim(browser, requested.claim.id)).userErrors).toEqual([]);
  }
  return result;
}

describe('claim code limits: rules', () => {
  it('computes what is left of sliding windows, and when a spent one frees a slot', () => {
    const windows = [
      { max: 3, hours: 1 },
      { max: 5, hours: 24 },
    ];
    expect(budgetOf([], windows)).toEqual({ remaining: 3, retryInSeconds: 0, binding: null });
    expect(budgetOf([10, 20], windows).remaining).toBe(1);
    // Three in the hour: the third most recent (1 200 s old) leaves the hour in 2 400 s.
    expect(budgetOf([10, 600, 1200], windows)).toEqual({ remaining: 0, retryInSeconds: 2400, binding: windows[0] });
    // Five in the day, none in the last hour: the fifth most recent leaves the day first.
    expect(budgetOf([2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR, 6 * HOUR], windows)).toEqual({ remaining: 0, retryInSeconds: 18 * HOUR, binding: windows[1] });
    // Both spent: the longer wait binds.
    expect(budgetOf([10, 20, 30, 40, 50], windows)).toMatchObject({ remaining: 0, binding: windows[1] });
    // Events outside every window count for nothing.
    expect(budgetOf([25 * HOUR, 30 * HOUR], windows).remaining).toBe(3);
  });

  it('says waits and windows in French', () => {
    expect([frenchDelay(1), frenchDelay(59), frenchDelay(61), frenchDelay(HOUR), frenchDelay(HOUR + 1), frenchDelay(23.5 * HOUR), frenchDelay(6 * 24 * HOUR)]).toEqual([
      '1 minute', '1 minute', '2 minutes', '60 minutes', '2 heures', '24 heures', '6 jours',
    ]);
    expect([frenchWindow(1), frenchWindow(24), frenchWindow(7 * 24)]).toEqual(['une heure', '24 heures', '7 jours']);
  });

  it('makes a code infeasible to guess, and leaves room for typing mistakes', () => {
    const weekly = (windows: readonly { max: number; hours: number }[]) => Math.min(...windows.map((window) => (window.max * 168) / window.hours));
    // Wrong codes on one structure, all accounts together: under 1 chance in 50 000 a week.
    expect(weekly(CLAIM_CODE_LIMITS.wrongCodesPerSupplier) / 1_000_000).toBeLessThanOrEqual(1 / 50_000);
    // Every limit on guesses leaves a claimant who mistypes twice a third try.
    for (const windows of [CLAIM_CODE_LIMITS.wrongCodesPerSupplier, CLAIM_CODE_LIMITS.wrongCodesPerAccount]) {
      for (const window of windows) expect(window.max).toBeGreaterThanOrEqual(3);
    }
    expect(CLAIM_CODE_LIMITS.wrongCodesPerCode).toBeGreaterThanOrEqual(3);
    expect(CLAIM_CODE_EVENT_RETENTION_HOURS).toBe(7 * 24);
  });
});

describe('claim code limits: brute force', () => {
  it('stops the attack loop (ask, 5 wrong codes, cancel) of one account after 10 guesses and 2 mails', async () => {
    const target = await structure();
    const attacker = await staff();
    const tally = await attack(attacker.browser, target, 20);
    expect(tally).toMatchObject({ guesses: 10, refusedRequests: 18, refusedGuesses: 0 });
    expect(await codeMails(target.email)).toBe(2);
    expect(tally.lastRefusal).toEqual({
      field: ['method'],
      code: 'NOT_ALLOWED_NOW',
      message:
        "Trop de codes erronés ont été saisis pour cette structure : la vérification par code est suspendue. Réessayez dans 24 heures, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
    });
  });

  it('stops the same loop run by several accounts on one structure, and leaves the admin review open', async () => {
    const target = await structure();
    const attackers = await Promise.all([staff(), staff(), staff(), staff()]);
    const tally: Tally = { guesses: 0, refusedRequests: 0, refusedGuesses: 0, lastRefusal: null };
    for (let round = 0; round < 3; round++) {
      for (const attacker of attackers) await attack(attacker.browser, target, 1, tally);
    }
    expect(tally).toMatchObject({ guesses: 10, refusedRequests: 10, refusedGuesses: 0 });
    expect(tally.lastRefusal?.message).toContain('la vérification par code est suspendue');
    expect(await codeMails(target.email)).toBe(2);

    // The real staff: told to ask for a review, which is not limited.
    const claimant = await staff();
    const refused = await requestClaim(claimant.browser, target.supplierId);
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['method'], code: 'NOT_ALLOWED_NOW', message: expect.stringContaining("vérification par l'équipe") })]);
    const review = await requestClaim(claimant.browser, target.supplierId, 'ADMIN_REVIEW', 'Je suis la directrice.');
    expect(review.userErrors).toEqual([]);
    expect(review.claim?.status).toBe('PENDING');
    expect(await codeMails(target.email)).toBe(2);
  });

  it('refuses even the right code once the structure is locked, without counting it or changing the claim', async () => {
    const target = await structure();
    const attacker = await staff();
    await attack(attacker.browser, target, 1);
    const { claim } = await requestClaim(attacker.browser, target.supplierId);
    const code = await lastCodeSentTo(db(), target.email);
    for (let attempt = 0; attempt < 4; attempt++) await confirmClaim(attacker.browser, claim!.id, wrongCode(code, attempt));
    const last = await confirmClaim(attacker.browser, claim!.id, wrongCode(code, 4));
    expect(last.userErrors).toEqual([
      {
        field: ['code'],
        code: 'WRONG_CODE',
        message:
          "Code incorrect. Trop de codes erronés ont été saisis pour cette structure : la vérification par code est suspendue. Réessayez dans 24 heures, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
      },
    ]);
    const before = await db().query('SELECT failed_attempts, code_hash, status FROM supplier_claim WHERE id = $1', [integerKeyOf(claim!.id, 'SupplierClaim')]);
    const right = await confirmClaim(attacker.browser, claim!.id, code);
    expect(right.userErrors).toEqual([expect.objectContaining({ field: ['code'], code: 'NOT_ALLOWED_NOW' })]);
    expect(right.membership).toBeNull();
    expect(await db().query('SELECT failed_attempts, code_hash, status FROM supplier_claim WHERE id = $1', [integerKeyOf(claim!.id, 'SupplierClaim')])).toEqual(before);
    const [{ wrong }] = await db().query(`SELECT count(*)::int AS wrong FROM supplier_claim_code_event WHERE supplier_id = $1 AND kind = 'WRONG'`, [target.supplierId]);
    expect(wrong).toBe(10);
  });

  it('resets nothing when a claim is cancelled and a new one opened: the tries left count every wrong code', async () => {
    const target = await structure();
    const attacker = await staff();
    const claimIds = new Set<string>();
    const messages: string[] = [];
    for (const wrongTries of [4, 4, 2]) {
      const { claim } = await requestClaim(attacker.browser, target.supplierId);
      claimIds.add(claim!.id);
      const code = await lastCodeSentTo(db(), target.email);
      for (let attempt = 0; attempt < wrongTries; attempt++) {
        messages.push((await confirmClaim(attacker.browser, claim!.id, wrongCode(code, attempt))).userErrors[0].message);
      }
      await cancelClaim(attacker.browser, claim!.id);
    }
    expect(claimIds.size).toBe(3);
    // 4 then 4 wrong codes: the third claim has 5 tries on its code but 2 left for the structure.
    expect(messages.slice(-3)).toEqual([
      'Code incorrect. Il vous reste 1 essai.',
      'Code incorrect. Il vous reste 1 essai.',
      expect.stringMatching(/^Code incorrect\. Trop de codes erronés ont été saisis pour cette structure/),
    ]);
    expect((await requestClaim(attacker.browser, target.supplierId)).userErrors[0].code).toBe('NOT_ALLOWED_NOW');
    expect(await codeMails(target.email)).toBe(3);
  });

  it('limits one account across structures: 10 wrong codes a day, wherever typed', async () => {
    const [first, second, third] = [await structure(), await structure(), await structure()];
    const attacker = await staff();
    const tally = await attack(attacker.browser, first, 1);
    await attack(attacker.browser, second, 1, tally);
    expect(tally.guesses).toBe(10);
    const refused = await requestClaim(attacker.browser, third.supplierId);
    expect(refused.userErrors).toEqual([
      {
        field: ['method'],
        code: 'NOT_ALLOWED_NOW',
        message: "Vous avez saisi 10 codes erronés en 24 heures. Réessayez dans 24 heures, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
      },
    ]);
    expect(await codeMails(third.email)).toBe(0);
    // The third structure itself is not locked: its staff can still ask a code.
    expect((await requestClaim((await staff()).browser, third.supplierId)).userErrors).toEqual([]);
  });

  it('lets a claimant who mistypes twice in through with the right code', async () => {
    const target = await structure();
    const claimant = await staff();
    const { claim } = await requestClaim(claimant.browser, target.supplierId);
    const code = await lastCodeSentTo(db(), target.email);
    expect((await confirmClaim(claimant.browser, claim!.id, wrongCode(code, 0))).userErrors[0].message).toBe('Code incorrect. Il vous reste 4 essais.');
    expect((await confirmClaim(claimant.browser, claim!.id, wrongCode(code, 1))).userErrors[0].message).toBe('Code incorrect. Il vous reste 3 essais.');
    const confirmed = await confirmClaim(claimant.browser, claim!.id, code);
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.membership?.role).toBe('OWNER');
  });
});

describe('claim code limits: mails', () => {
  it("mails one structure's address 3 codes an hour and 5 a day, whoever asks", async () => {
    const target = await structure();
    const askers = await Promise.all(Array.from({ length: 7 }, () => staff()));
    const outcomes: string[] = [];
    for (const asker of askers.slice(0, 4)) outcomes.push((await requestClaim(asker.browser, target.supplierId)).userErrors[0]?.message ?? 'sent');
    expect(outcomes).toEqual([
      'sent',
      'sent',
      'sent',
      "3 codes ont déjà été envoyés à l'adresse de cette structure en une heure. Réessayez dans 60 minutes, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
    ]);
    await letTimePass(target.supplierId, 1);
    for (const asker of askers.slice(3, 6)) outcomes.push((await requestClaim(asker.browser, target.supplierId)).userErrors[0]?.message ?? 'sent');
    expect(outcomes.slice(4)).toEqual([
      'sent',
      'sent',
      "5 codes ont déjà été envoyés à l'adresse de cette structure en 24 heures. Réessayez dans 23 heures, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
    ]);
    expect(await codeMails(target.email)).toBe(5);
    await letTimePass(target.supplierId, 23);
    expect((await requestClaim(askers[6].browser, target.supplierId)).userErrors).toEqual([]);
    expect(await codeMails(target.email)).toBe(6);
  });

  it('lets one account ask 5 codes a day, whatever the structures', async () => {
    const asker = await staff();
    const targets = [];
    for (let i = 0; i < 6; i++) targets.push(await structure());
    const outcomes = [];
    for (const target of targets) outcomes.push((await requestClaim(asker.browser, target.supplierId)).userErrors[0]?.message ?? 'sent');
    expect(outcomes).toEqual([
      ...Array(5).fill('sent'),
      "Vous avez déjà demandé 5 codes en 24 heures. Réessayez dans 24 heures, ou demandez une vérification par l'équipe Achat inclusif, avec un message.",
    ]);
    expect(await codeMails(targets[5].email)).toBe(0);
  });
});

describe('claim code limits: windows and clean-up', () => {
  it('lifts the lock after its window: 10 wrong codes a day, 20 a week', async () => {
    const target = await structure();
    const attacker = await staff();
    expect((await attack(attacker.browser, target, 3)).guesses).toBe(10);
    await letTimePass(target.supplierId, 24);
    expect((await attack(attacker.browser, target, 3)).guesses).toBe(10);
    // A day later the daily window is clear, but the week holds 20.
    await letTimePass(target.supplierId, 24);
    const weekly = await requestClaim(attacker.browser, target.supplierId);
    expect(weekly.userErrors[0]).toMatchObject({ code: 'NOT_ALLOWED_NOW', message: expect.stringContaining('Réessayez dans 5 jours') });
    await letTimePass(target.supplierId, 5 * 24);

    const claimant = await staff();
    const { claim, userErrors } = await requestClaim(claimant.browser, target.supplierId);
    expect(userErrors).toEqual([]);
    const confirmed = await confirmClaim(claimant.browser, claim!.id, await lastCodeSentTo(db(), target.email));
    expect(confirmed.membership?.role).toBe('OWNER');
  });

  it('deletes events past the longest window in the hourly clean-up, and keeps the others', async () => {
    const target = await structure();
    const asker = await staff();
    for (let i = 0; i < 2; i++) await requestClaim(asker.browser, target.supplierId);
    await db().query(
      `UPDATE supplier_claim_code_event SET created_at = now() - make_interval(hours => $2)
       WHERE id = (SELECT min(id) FROM supplier_claim_code_event WHERE supplier_id = $1)`,
      [target.supplierId, CLAIM_CODE_EVENT_RETENTION_HOURS + 1],
    );
    const logged: string[] = [];
    const cleanup = scheduleAccountCleanup(db(), (message) => logged.push(message));
    await cleanup.firstRun;
    cleanup.stop();
    expect(logged).toContainEqual(expect.stringMatching(/^Account cleanup: \d+ claim code events past their windows deleted$/));
    const [{ left }] = await db().query('SELECT count(*)::int AS left FROM supplier_claim_code_event WHERE supplier_id = $1', [target.supplierId]);
    expect(left).toBe(1);
    expect(await deleteExpiredClaimCodeEvents(db())).toBe(0);
  });
});

describe('claim code limits: concurrency', () => {
  type Claimant = Awaited<ReturnType<typeof staff>>;

  /** A pending EMAIL_CODE claim whose code is 123456, as `requestSupplierClaim` leaves it (without the mail). */
  async function pendingClaim(claimant: Claimant, supplierId: number): Promise<string> {
    const [{ id }] = await db().query(
      `INSERT INTO supplier_claim (supplier_id, account_id, method, code_hash, code_sent_to, code_expires_at)
       VALUES ($1, $2, 'EMAIL_CODE', $3, 'accueil@exemple.fr', now() + interval '30 minutes') RETURNING id`,
      [supplierId, integerKeyOf(claimant.accountId, 'Account'), createHash('sha256').update('123456').digest()],
    );
    return toGlobalId('SupplierClaim', id);
  }

  /**
   * Wrong codes typed at once, released together: a transaction holds the claims while the
   * confirmations reach them, then lets them all go to race for the last slot. The codes of
   * the answers, sorted.
   */
  async function wrongAtOnce(claims: { claimant: Claimant; claimId: string }[]): Promise<string[]> {
    const gate = db().createQueryRunner();
    await gate.startTransaction();
    try {
      await gate.query('SELECT 1 FROM supplier_claim WHERE id = ANY($1) FOR UPDATE', [claims.map(({ claimId }) => integerKeyOf(claimId, 'SupplierClaim'))]);
      const answers = Promise.all(claims.map(({ claimant, claimId }) => confirmClaim(claimant.browser, claimId, '000000')));
      for (let poll = 0; poll < 500; poll++) {
        const [{ waiting }] = await db().query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (waiting >= claims.length) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await gate.commitTransaction();
      return (await answers).map((answer) => answer.userErrors[0].code).sort();
    } finally {
      await gate.release();
    }
  }

  const wrongEvents = async (column: 'supplier_id' | 'account_id', id: number): Promise<number> =>
    (await db().query(`SELECT count(*)::int AS n FROM supplier_claim_code_event WHERE ${column} = $1 AND kind = 'WRONG'`, [id]))[0].n;
  const ONE_WRONG_FIVE_REFUSED = ['NOT_ALLOWED_NOW', 'NOT_ALLOWED_NOW', 'NOT_ALLOWED_NOW', 'NOT_ALLOWED_NOW', 'NOT_ALLOWED_NOW', 'WRONG_CODE'];

  it('lets one of parallel wrong codes from several accounts take the last slot of a structure, not more', async () => {
    const { supplierId } = await structure();
    await db().query(`INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind) SELECT $1, NULL, 'WRONG' FROM generate_series(1, 9)`, [supplierId]);
    const claims = [];
    for (let i = 0; i < 6; i++) {
      const claimant = await staff();
      claims.push({ claimant, claimId: await pendingClaim(claimant, supplierId) });
    }
    expect(await wrongAtOnce(claims)).toEqual(ONE_WRONG_FIVE_REFUSED);
    expect(await wrongEvents('supplier_id', supplierId)).toBe(10);
  });

  it("lets one of an account's parallel wrong codes on several structures take its last slot, not more", async () => {
    const claimant = await staff();
    const accountId = integerKeyOf(claimant.accountId, 'Account');
    const elsewhere = await structure();
    await db().query(`INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind) SELECT $1, $2, 'WRONG' FROM generate_series(1, 9)`, [
      elsewhere.supplierId,
      accountId,
    ]);
    const claims = [];
    for (let i = 0; i < 6; i++) claims.push({ claimant, claimId: await pendingClaim(claimant, (await structure()).supplierId) });
    expect(await wrongAtOnce(claims)).toEqual(ONE_WRONG_FIVE_REFUSED);
    expect(await wrongEvents('account_id', accountId)).toBe(10);
  });
});
