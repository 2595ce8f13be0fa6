import type { DataSource } from 'typeorm';
import type { Config } from '../../core/config/config.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { composeMail } from '../mail/mail-templates.js';
import type { Mailer } from '../mail/mailer.js';
import { AccountRole } from './account.entity.js';
import { AccountTokenPurpose } from './account-token.entity.js';
import { accountLinks } from './account-links.js';
import { accountOfToken, issueToken, TOKEN_LIFETIME_MINUTES, useToken } from './account-tokens.js';
import type { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput, SignInInput, SignUpInput, VerifyEmailInput } from './account.inputs.js';
import { SignUpRole } from './account.types.js';
import { requireViewer } from './authorization.js';
import { emailProblem, normalizeEmail } from './email-address.js';
import { hashPassword, needsRehash, passwordProblem, verifyAgainstDummy, verifyPassword } from './password.js';
import type { SessionStore } from './session-store.js';
import type { AuthThrottle } from './throttle.js';
import type { Caller, SessionViewer } from './viewer.js';

export const DISPLAY_NAME_MAX_LENGTH = 100;

/** What the account flows use (a resolver passes its context). */
export interface AccountDeps {
  db: DataSource;
  mailer: Mailer;
  sessions: SessionStore;
  throttle: AuthThrottle;
  config: Pick<Config, 'publicUrl'>;
}

/** A caller that may be given a session (sign-up, sign-in, password reset): its user agent is kept with it. */
export interface BrowserCaller extends Caller {
  userAgent: string | null;
}

/** A session opened by the call: the HTTP layer sets its cookie. */
export interface OpenedSession {
  token: string;
  expiresAt: Date;
}

export interface AccountOutcome {
  /** On success, the caller's viewer from now on (null: not signed in). */
  viewer: SessionViewer | null;
  userErrors: UserError[];
  /** Set when the call opened a session. */
  session?: OpenedSession;
}

const failed = (...userErrors: UserError[]): AccountOutcome => ({ viewer: null, userErrors });

function problemAt(field: string, problem: { code: keyof typeof UserErrorCode; message: string }): UserError {
  return UserError.of(field, UserErrorCode[problem.code], problem.message);
}

export function normalizeDisplayName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function displayNameProblem(name: string): { code: 'BLANK' | 'TOO_LONG'; message: string } | null {
  if (name === '') return { code: 'BLANK', message: 'Indiquez le nom à afficher : le vôtre, ou celui de votre service.' };
  if ([...name].length > DISPLAY_NAME_MAX_LENGTH) {
    return { code: 'TOO_LONG', message: `Le nom à afficher ne peut pas dépasser ${DISPLAY_NAME_MAX_LENGTH} caractères.` };
  }
  return null;
}

/**
 * Starts a session for the account in this browser (the caller sets its cookie). A session the
 * browser already had ends: a sign-in never reuses a session id (no session fixation).
 */
async function openSession(deps: Pick<AccountDeps, 'sessions'>, caller: BrowserCaller, accountId: number): Promise<AccountOutcome> {
  if (caller.viewer) await deps.sessions.delete(caller.viewer.sessionId);
  const { token, expiresAt, viewer } = await deps.sessions.create(accountId, caller.userAgent);
  return { viewer, userErrors: [], session: { token, expiresAt } };
}

export async function signUp(deps: AccountDeps, caller: BrowserCaller, input: SignUpInput): Promise<AccountOutcome> {
  const email = normalizeEmail(input.email);
  const displayName = normalizeDisplayName(input.displayName);
  const problems: UserError[] = [];
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.push(problemAt('email', emailIssue));
  const passwordIssue = passwordProblem(input.password, emailIssue ? null : email);
  if (passwordIssue) problems.push(problemAt('password', passwordIssue));
  const nameIssue = displayNameProblem(displayName);
  if (nameIssue) problems.push(problemAt('displayName', nameIssue));
  if (problems.length > 0) return failed(...problems);

  await deps.throttle.consumeSignUp(caller.ip);
  const passwordHash = await hashPassword(input.password);
  const role = input.role === SignUpRole.SUPPLIER_MEMBER ? AccountRole.SUPPLIER_MEMBER : AccountRole.BUYER;
  const created = await deps.db.transaction(async (manager) => {
    const [row]: { id: number }[] = await manager.query(
      `INSERT INTO account (email, password_hash, display_name, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash, displayName, role],
    );
    if (!row) return null;
    return { id: row.id, verificationToken: await issueToken(manager, row.id, AccountTokenPurpose.EMAIL_VERIFICATION) };
  });
  if (!created) {
    return failed(
      UserError.of(
        'email',
        UserErrorCode.TAKEN,
        "Un compte existe déjà avec cette adresse électronique. Connectez-vous, ou demandez un nouveau mot de passe si vous l'avez oublié.",
      ),
    );
  }
  await sendVerificationMail(deps, 'welcome', email, created.verificationToken);
  return openSession(deps, caller, created.id);
}

const INVALID_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';

/**
 * Throttled per address and IP and per IP (throttle.ts); an unknown address costs the same
 * time as a wrong password, so the answer tells nothing about which accounts exist.
 */
export async function signIn(deps: AccountDeps, caller: BrowserCaller, input: SignInInput): Promise<AccountOutcome> {
  const email = normalizeEmail(input.email);
  const emailIssue = emailProblem(email);
  if (emailIssue) return failed(problemAt('email', emailIssue));
  await deps.throttle.assertCanSignIn(email, caller.ip);

  const [account]: { id: number; password_hash: string }[] = await deps.db.query(
    `SELECT id, password_hash FROM account WHERE email = $1`,
    [email],
  );
  const valid = account ? await verifyPassword(account.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !valid) {
    await deps.throttle.signInFailed(email, caller.ip);
    return failed(UserError.of(null, UserErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS));
  }
  await deps.throttle.signInSucceeded(email, caller.ip);
  if (needsRehash(account.password_hash)) {
    await deps.db.query(`UPDATE account SET password_hash = $2 WHERE id = $1`, [account.id, await hashPassword(input.password)]);
  }
  return openSession(deps, caller, account.id);
}

/** Ends the caller's session, if any (the HTTP layer removes the cookie); whether there was one. */
export async function signOut(deps: Pick<AccountDeps, 'sessions'>, caller: Caller): Promise<boolean> {
  if (caller.viewer) await deps.sessions.delete(caller.viewer.sessionId);
  return caller.viewer !== null;
}

/** Sends a reset link when the address has an account; the answer is the same either way. */
export async function requestPasswordReset(deps: AccountDeps, caller: Caller, input: RequestPasswordResetInput): Promise<UserError[]> {
  const email = normalizeEmail(input.email);
  const emailIssue = emailProblem(email);
  if (emailIssue) return [problemAt('email', emailIssue)];
  await deps.throttle.consumePasswordReset(email, caller.ip);
  const [account]: { id: number }[] = await deps.db.query(`SELECT id FROM account WHERE email = $1`, [email]);
  if (account) {
    const token = await issueToken(deps.db, account.id, AccountTokenPurpose.PASSWORD_RESET);
    await deps.mailer.send(
      composeMail('password-reset', email, {
        resetUrl: accountLinks(deps.config.publicUrl).resetPassword(token),
        validForMinutes: TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.PASSWORD_RESET],
      }),
    );
  }
  return [];
}

const INVALID_RESET_TOKEN = UserError.of(
  'token',
  UserErrorCode.INVALID_TOKEN,
  "Ce lien de réinitialisation n'est plus valide : il a déjà servi, ou il a expiré (il vaut une heure). Demandez-en un nouveau.",
);

/**
 * Sets a new password from a reset link: the token is used up, every session of the
 * account ends, and this browser gets a new one. The address is confirmed on the way
 * (the person read a mail sent to it).
 */
export async function resetPassword(deps: AccountDeps, caller: BrowserCaller, input: ResetPasswordInput): Promise<AccountOutcome> {
  const owner = await accountOfToken(deps.db, input.token, AccountTokenPurpose.PASSWORD_RESET);
  if (!owner) return failed(INVALID_RESET_TOKEN);
  const passwordIssue = passwordProblem(input.newPassword, owner.email);
  if (passwordIssue) return failed(problemAt('newPassword', passwordIssue));

  const passwordHash = await hashPassword(input.newPassword);
  const accountId = await deps.db.transaction(async (manager) => {
    const id = await useToken(manager, input.token, AccountTokenPurpose.PASSWORD_RESET);
    if (id === null) return null;
    await manager.query(
      `UPDATE account SET password_hash = $2, password_changed_at = now(), updated_at = now(),
         email_verified_at = coalesce(email_verified_at, now())
       WHERE id = $1`,
      [id, passwordHash],
    );
    await manager.query(`DELETE FROM account_session WHERE account_id = $1`, [id]);
    return id;
  });
  if (accountId === null) return failed(INVALID_RESET_TOKEN);
  await deps.mailer.send(composeMail('password-changed', owner.email, { forgotPasswordUrl: accountLinks(deps.config.publicUrl).forgotPassword }));
  return openSession(deps, caller, accountId);
}

/** Changes the signed-in account's password; its other sessions end, this one stays. */
export async function changePassword(deps: AccountDeps, caller: Caller, input: ChangePasswordInput): Promise<AccountOutcome> {
  const viewer = requireViewer(caller);
  const passwordIssue = passwordProblem(input.newPassword, viewer.email);
  if (passwordIssue) return failed(problemAt('newPassword', passwordIssue));
  // A stolen session must not be a way to guess the password: same throttle as sign-in.
  await deps.throttle.assertCanSignIn(viewer.email, caller.ip);
  const [account]: { password_hash: string }[] = await deps.db.query(`SELECT password_hash FROM account WHERE id = $1`, [viewer.accountId]);
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    await deps.throttle.signInFailed(viewer.email, caller.ip);
    return failed(UserError.of('currentPassword', UserErrorCode.INVALID_CREDENTIALS, 'Le mot de passe actuel est incorrect.'));
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (manager) => {
    await manager.query(`UPDATE account SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`, [
      viewer.accountId,
      passwordHash,
    ]);
    await manager.query(`DELETE FROM account_session WHERE account_id = $1 AND id <> $2`, [viewer.accountId, viewer.sessionId]);
  });
  await deps.mailer.send(composeMail('password-changed', viewer.email, { forgotPasswordUrl: accountLinks(deps.config.publicUrl).forgotPassword }));
  return { viewer, userErrors: [] };
}

/** Confirms an address from the link of the welcome mail (whoever opens it: signed in or not). */
export async function verifyEmail(deps: Pick<AccountDeps, 'db'>, caller: Caller, input: VerifyEmailInput): Promise<AccountOutcome> {
  const accountId = await useToken(deps.db, input.token, AccountTokenPurpose.EMAIL_VERIFICATION);
  if (accountId === null) {
    return failed(
      UserError.of(
        'token',
        UserErrorCode.INVALID_TOKEN,
        "Ce lien de confirmation n'est plus valide : il a déjà servi, ou il a expiré. Connectez-vous pour en recevoir un nouveau.",
      ),
    );
  }
  const [row]: { email_verified_at: Date }[] = await deps.db.query(
    `WITH verified AS (
       UPDATE account SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1
       RETURNING email_verified_at)
     SELECT email_verified_at FROM verified`,
    [accountId],
  );
  const viewer = caller.viewer?.accountId === accountId ? { ...caller.viewer, emailVerifiedAt: row.email_verified_at } : caller.viewer;
  return { viewer, userErrors: [] };
}

/**
 * Sends a new confirmation link to the signed-in account's address (UNAUTHENTICATED
 * otherwise); throttled per account, each request sends a mail.
 */
export async function resendEmailVerification(deps: AccountDeps, caller: Caller): Promise<UserError[]> {
  const viewer = requireViewer(caller);
  if (viewer.emailVerifiedAt !== null) {
    return [UserError.of(null, UserErrorCode.NOT_ALLOWED_NOW, 'Votre adresse électronique est déjà confirmée.')];
  }
  await deps.throttle.consumeEmailVerification(viewer.accountId);
  const token = await issueToken(deps.db, viewer.accountId, AccountTokenPurpose.EMAIL_VERIFICATION);
  await sendVerificationMail(deps, 'email-verification', viewer.email, token);
  return [];
}

async function sendVerificationMail(
  deps: Pick<AccountDeps, 'mailer' | 'config'>,
  template: 'welcome' | 'email-verification',
  email: string,
  token: string,
): Promise<void> {
  await deps.mailer.send(
    composeMail(template, email, {
      verifyUrl: accountLinks(deps.config.publicUrl).verifyEmail(token),
      validForDays: TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.EMAIL_VERIFICATION] / (24 * 60),
    }),
  );
}

export type AdminOutcome = { status: 'created' | 'promoted' | 'already-admin' } | { status: 'invalid'; message: string };

/**
 * `pnpm admin:create`: creates an admin account, or promotes an existing account (its
 * password is kept). A new account needs a password that meets the policy: there is no
 * default one.
 */
export async function createOrPromoteAdmin(
  db: DataSource,
  input: { email: string; password: string | null; displayName: string },
): Promise<AdminOutcome> {
  const email = normalizeEmail(input.email);
  const emailIssue = emailProblem(email);
  if (emailIssue) return { status: 'invalid', message: emailIssue.message };
  const [existing]: { id: number; role: AccountRole }[] = await db.query(`SELECT id, role FROM account WHERE email = $1`, [email]);
  if (existing) {
    if (existing.role === AccountRole.ADMIN) return { status: 'already-admin' };
    await db.query(`UPDATE account SET role = 'ADMIN', updated_at = now() WHERE id = $1`, [existing.id]);
    return { status: 'promoted' };
  }
  if (!input.password) return { status: 'invalid', message: 'Un nouveau compte administrateur a besoin d\'un mot de passe.' };
  const passwordIssue = passwordProblem(input.password, email);
  if (passwordIssue) return { status: 'invalid', message: passwordIssue.message };
  const displayName = normalizeDisplayName(input.displayName);
  const nameIssue = displayNameProblem(displayName);
  if (nameIssue) return { status: 'invalid', message: nameIssue.message };
  // The operator typed the address: it counts as confirmed.
  await db.query(
    `INSERT INTO account (email, password_hash, display_name, role, email_verified_at) VALUES ($1, $2, $3, 'ADMIN', now())`,
    [email, await hashPassword(input.password), displayName],
  );
  return { status: 'created' };
}
