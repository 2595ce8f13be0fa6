import type { SqlRunner } from '../../core/database/sql-runner.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';

/**
 * How far claim codes can be mailed and guessed (README "Limits on claim codes"). Counts
 * come from `supplier_claim_code_event`, one row per code mailed and per wrong code typed,
 * which outlives claims: cancelling, asking again or opening a new claim resets nothing.
 */

export interface LimitWindow {
  /** Events allowed in any sliding window of `hours`. */
  max: number;
  hours: number;
}

/** Every limit on claim codes, in one place. */
export const CLAIM_CODE_LIMITS = {
  /** How long a mailed code is valid. */
  codeValidMinutes: 30,
  /** Wrong codes typed against one mailed code; then a new code is needed. */
  wrongCodesPerCode: 5,
  /** Code mails to one structure's official address, whoever asks: its mailbox is not to be flooded. */
  mailsPerSupplier: [
    { max: 3, hours: 1 },
    { max: 5, hours: 24 },
  ],
  /** Code mails asked by one account, whatever the structure. */
  mailsPerAccount: [{ max: 5, hours: 24 }],
  /**
   * Wrong codes typed for one structure by all accounts together: at 10 a day and 20 a week,
   * under 1 chance in 50 000 a week of guessing a 6-digit code. Once spent, the code route is
   * closed for the structure (no code mailed, none checked) and claimants are sent to an admin review.
   */
  wrongCodesPerSupplier: [
    { max: 10, hours: 24 },
    { max: 20, hours: 7 * 24 },
  ],
  /** Wrong codes typed by one account, whatever the structure (one account trying many structures). */
  wrongCodesPerAccount: [{ max: 10, hours: 24 }],
} as const satisfies {
  codeValidMinutes: number;
  wrongCodesPerCode: number;
  mailsPerSupplier: readonly LimitWindow[];
  mailsPerAccount: readonly LimitWindow[];
  wrongCodesPerSupplier: readonly LimitWindow[];
  wrongCodesPerAccount: readonly LimitWindow[];
};

export enum ClaimCodeEventKind {
  /** A code was mailed to the structure's official address. */
  SENT = 'SENT',
  /** A wrong code was typed. */
  WRONG = 'WRONG',
}

/** The structure and the account a code is mailed or typed for. */
export interface CodeParties {
  supplierId: number;
  accountId: number;
}

interface CodeRule {
  kind: ClaimCodeEventKind;
  /** Whose events count: all of the structure's, or all of the account's. */
  per: 'supplier' | 'account';
  windows: readonly LimitWindow[];
  /** The refusal, in French, once a window is spent (the advice to retry is added). */
  refusal(window: LimitWindow): string;
}

const REVIEW_ADVICE = "demandez une vérification par l'équipe Achat inclusif, avec un message";

/** Before a code is checked (and before one is mailed: a code that cannot be checked is not sent). */
export const GUESS_RULES: readonly CodeRule[] = [
  {
    kind: ClaimCodeEventKind.WRONG,
    per: 'supplier',
    windows: CLAIM_CODE_LIMITS.wrongCodesPerSupplier,
    refusal: () => 'Trop de codes erronés ont été saisis pour cette structure : la vérification par code est suspendue.',
  },
  {
    kind: ClaimCodeEventKind.WRONG,
    per: 'account',
    windows: CLAIM_CODE_LIMITS.wrongCodesPerAccount,
    refusal: (window) => `Vous avez saisi ${window.max} codes erronés en ${frenchWindow(window.hours)}.`,
  },
];

/** Before a code is mailed. */
export const MAIL_RULES: readonly CodeRule[] = [
  {
    kind: ClaimCodeEventKind.SENT,
    per: 'supplier',
    windows: CLAIM_CODE_LIMITS.mailsPerSupplier,
    refusal: (window) => `${window.max} codes ont déjà été envoyés à l'adresse de cette structure en ${frenchWindow(window.hours)}.`,
  },
  {
    kind: ClaimCodeEventKind.SENT,
    per: 'account',
    windows: CLAIM_CODE_LIMITS.mailsPerAccount,
    refusal: (window) => `Vous avez déjà demandé ${window.max} codes en ${frenchWindow(window.hours)}.`,
  },
];

/** Events older than the longest window count for nothing: the hourly clean-up deletes them. */
export const CLAIM_CODE_EVENT_RETENTION_HOURS = Math.max(...[...GUESS_RULES, ...MAIL_RULES].flatMap((rule) => rule.windows.map((window) => window.hours)));

export interface Budget {
  /** Events still allowed now (0: spent). */
  remaining: number;
  /** When spent: seconds until one more is allowed, and the window that binds. */
  retryInSeconds: number;
  binding: LimitWindow | null;
}

/**
 * What is left of the windows, given the ages (seconds) of the past events, most recent
 * first. A spent window frees a slot when its `max`-th most recent event leaves it.
 */
export function budgetOf(agesSeconds: readonly number[], windows: readonly LimitWindow[]): Budget {
  let budget: Budget = { remaining: Infinity, retryInSeconds: 0, binding: null };
  for (const window of windows) {
    const seconds = window.hours * 3600;
    const inWindow = agesSeconds.filter((age) => age < seconds).length;
    const remaining = Math.max(0, window.max - inWindow);
    const retryInSeconds = remaining === 0 ? seconds - agesSeconds[window.max - 1] : 0;
    if (remaining < budget.remaining || (remaining === 0 && retryInSeconds > budget.retryInSeconds)) {
      budget = { remaining, retryInSeconds, binding: remaining === 0 ? window : null };
    }
  }
  return budget;
}

/** The rule's budget for these parties, from the events in its longest window. */
async function ruleBudget(db: SqlRunner, rule: CodeRule, parties: CodeParties): Promise<Budget> {
  const column = rule.per === 'supplier' ? 'supplier_id' : 'account_id';
  const rows: { age: number }[] = await db.query(
    `SELECT extract(epoch FROM now() - created_at)::float8 AS age FROM supplier_claim_code_event
     WHERE ${column} = $1 AND kind = $2 AND created_at > now() - make_interval(hours => $3)
     ORDER BY created_at DESC LIMIT $4`,
    [
      rule.per === 'supplier' ? parties.supplierId : parties.accountId,
      rule.kind,
      Math.max(...rule.windows.map((window) => window.hours)),
      Math.max(...rule.windows.map((window) => window.max)),
    ],
  );
  return budgetOf(rows.map((row) => row.age), rule.windows);
}

export interface RulesCheck {
  /** The refusal of the first spent rule, or null. */
  refusal: UserError | null;
  /** The fewest events any rule still allows. */
  remaining: number;
}

/**
 * Checks the rules in order. Call after `lockAccountForCodes` and `lockSupplierForCodes`,
 * in the transaction that then records the event.
 */
export async function checkCodeRules(db: SqlRunner, rules: readonly CodeRule[], parties: CodeParties, field: string): Promise<RulesCheck> {
  let remaining = Infinity;
  for (const rule of rules) {
    const budget = await ruleBudget(db, rule, parties);
    if (budget.binding) {
      const message = `${rule.refusal(budget.binding)} Réessayez dans ${frenchDelay(budget.retryInSeconds)}, ou ${REVIEW_ADVICE}.`;
      return { refusal: UserError.of(field, UserErrorCode.NOT_ALLOWED_NOW, message), remaining: 0 };
    }
    remaining = Math.min(remaining, budget.remaining);
  }
  return { refusal: null, remaining };
}

/**
 * Code mails and guesses are serialised per account and per structure, so that parallel
 * calls cannot both take the last slot of a budget. Lock order, everywhere: the account
 * row, then the claim row (if any), then the structure.
 *
 * NO KEY UPDATE: an admin's decision, which adds a membership referencing the account
 * (KEY SHARE), is not held up by it.
 */
export async function lockAccountForCodes(db: SqlRunner, accountId: number): Promise<void> {
  await db.query('SELECT 1 FROM account WHERE id = $1 FOR NO KEY UPDATE', [accountId]);
}

/** An advisory lock rather than the supplier row: profile edits are not held up by claims. */
export async function lockSupplierForCodes(db: SqlRunner, supplierId: number): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('supplier_claim_code_event'), $1)`, [supplierId]);
}

export async function recordCodeEvent(db: SqlRunner, kind: ClaimCodeEventKind, parties: CodeParties): Promise<void> {
  await db.query('INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind) VALUES ($1, $2, $3)', [
    parties.supplierId,
    parties.accountId,
    kind,
  ]);
}

/** Deletes the events past the longest window (run by the hourly account clean-up). Returns how many. */
export async function deleteExpiredClaimCodeEvents(db: SqlRunner): Promise<number> {
  const [row]: { deleted: number }[] = await db.query(
    `WITH deleted AS (DELETE FROM supplier_claim_code_event WHERE created_at <= now() - make_interval(hours => $1) RETURNING 1)
     SELECT count(*)::int AS deleted FROM deleted`,
    [CLAIM_CODE_EVENT_RETENTION_HOURS],
  );
  return row.deleted;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count > 1 ? 's' : ''}`;

/** "12 minutes", "3 heures", "6 jours": a wait, rounded up. */
export function frenchDelay(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 60) return plural(minutes, 'minute');
  const hours = Math.ceil(minutes / 60);
  if (hours <= 48) return plural(hours, 'heure');
  return plural(Math.ceil(hours / 24), 'jour');
}

/** "une heure", "24 heures", "7 jours": a window. */
export function frenchWindow(hours: number): string {
  if (hours === 1) return 'une heure';
  return hours > 48 && hours % 24 === 0 ? plural(hours / 24, 'jour') : plural(hours, 'heure');
}
