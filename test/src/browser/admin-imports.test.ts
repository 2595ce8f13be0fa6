import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { submitSignIn, useBrowser } from './browser.js';

/**
 * An admin reads the stored import report in the SPA: the admin account and the run are
 * made with the built CLIs on the shared server's database, as an operator would.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const EMAIL = `admin.e2e.${process.pid}@exemple.fr`;
const PASSWORD = 'cheval agrafe pile correcte';

function cli(script: string, args: string[]) {
  return run(process.execPath, [script, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: '', EMBEDDED_PG_DATA_DIR: inject('appDataDir'), ADMIN_PASSWORD: PASSWORD },
  });
}

describe('admin: import reports', () => {
  const browser = useBrowser();
  let rejectedLine: string;

  beforeAll(async () => {
    await cli('server/dist/modules/accounts/admin.cli.js', [EMAIL]);
    // A simulation: the run and its report are stored, the shared directory is not touched.
    const { stdout } = await cli('server/dist/modules/imports/import.cli.js', [
      path.join(repositoryRoot, 'server/src/modules/imports/fixtures/data-inclusion-structures.csv'),
      '--partial',
      '--dry-run',
    ]);
    const match = /^ {2}ligne (\d+) : (.+?)(?: \(.*\))?$/m.exec(stdout);
    if (!match) throw new Error(`No rejected line in the import report:\n${stdout}`);
    rejectedLine = `Ligne ${match[1]} : ${match[2]}`;
  });

  it('refuses the page to visitors, then shows the runs to a signed-in admin', async () => {
    const { page, problems } = await browser.open('/admin/imports', { ignore: [/GraphQL error UNAUTHENTICATED/] });
    await page.getByText('Accès réservé aux administrateurs').waitFor();
    await page.getByRole('link', { name: 'Connectez-vous' }).click();
    await page.waitForURL('**/connexion?retour=**');

    await submitSignIn(page, EMAIL, PASSWORD);
    await page.waitForURL('**/admin/imports');
    await page.getByRole('button', { name: `Se déconnecter (${EMAIL})` }).waitFor();

    const table = page.getByRole('table');
    await table.waitFor();
    await expect(table.getByRole('columnheader', { name: 'Rejetées' }).count()).resolves.toBe(1);
    const row = table.getByRole('row').filter({ hasText: 'data-inclusion-structures.csv' }).first();
    await row.waitFor();

    const details = page.locator('details').filter({ hasText: 'data-inclusion-structures.csv' }).first();
    await expect(details.locator('summary').textContent()).resolves.toMatch(/[1-9]\d* lignes rejetées/);
    await details.locator('summary').click();
    await details.getByText(rejectedLine).first().waitFor();

    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
