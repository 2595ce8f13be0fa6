import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signInAs, signUpIn, testEmail } from '../../test-support/accounts.js';
import { useTestServer } from '../../test-support/test-server.js';

/** `pnpm admin:create` from outside: the CLI in a child process, as an operator runs it. */

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function runCli(databaseUrl: string, args: string[], env: Record<string, string> = {}) {
  const { ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/modules/accounts/admin.cli.ts', ...args], {
    cwd: SERVER_ROOT,
    env: { ...inherited, DATABASE_URL: databaseUrl, ...env },
    // No terminal: the password can only come from ADMIN_PASSWORD.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const app = useTestServer();

const roleOf = async (email: string): Promise<string | undefined> =>
  (await app.database.db.query(`SELECT role FROM account WHERE email = $1`, [email]))[0]?.role;

describe('pnpm admin:create', () => {
  it('creates an admin with the password of ADMIN_PASSWORD, who can then sign in', async () => {
    const email = testEmail('admin');
    const run = await runCli(app.database.url, [` ${email.toUpperCase()}`, '--name', 'Équipe Achat inclusif'], { ADMIN_PASSWORD: GOOD_PASSWORD });
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Compte administrateur créé : ${email}`);
    expect(await roleOf(email)).toBe('ADMIN');

    const signedIn = await signInAs(app.server.browser(), email);
    expect(signedIn.data!.signIn.viewer!.account).toMatchObject({
      email,
      role: 'ADMIN',
      displayName: 'Équipe Achat inclusif',
      emailVerified: true,
    });
  });

  it('refuses to create an account without a password (no terminal, no ADMIN_PASSWORD)', async () => {
    const email = testEmail('admin');
    const run = await runCli(app.database.url, [email]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Il n'y a pas de mot de passe par défaut");
    expect(await roleOf(email)).toBeUndefined();
  });

  it('refuses a password that does not meet the policy', async () => {
    const email = testEmail('admin');
    const run = await runCli(app.database.url, [email], { ADMIN_PASSWORD: 'admin' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('au moins 12 caractères');
    expect(await roleOf(email)).toBeUndefined();
  });

  it('promotes an existing account and keeps its password', async () => {
    const email = testEmail('acheteur');
    await signUpIn(app.server.browser(), { email });
    const run = await runCli(app.database.url, [email]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('est maintenant administrateur');
    expect(await roleOf(email)).toBe('ADMIN');
    expect((await signInAs(app.server.browser(), email)).data!.signIn.viewer!.account.role).toBe('ADMIN');

    const again = await runCli(app.database.url, [email]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('déjà administrateur');
  });

  it('prints its usage without an address', async () => {
    const run = await runCli(app.database.url, []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage : pnpm admin:create');
  });
});
