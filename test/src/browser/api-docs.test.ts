import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './axe.js';
import { useBrowser } from './browser.js';

interface SuppliersAnswer {
  data?: { suppliers: { totalCount: number; edges: { node: { id: string; name: string } }[] } };
  errors?: unknown[];
}

/**
 * The API page (/api) and the self-hosted GraphQL explorer (/api/explorateur) of the built
 * product: the page is accessible, its snippets run as copied against the server, and the
 * explorer runs a query without any third-party request.
 */
describe('API documentation and explorer', () => {
  const browser = useBrowser();

  it('the footer leads to the API page, which has no accessibility problem', async () => {
    const { page, problems } = await browser.open('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'API GraphQL' }).click();
    await page.waitForURL('**/api');
    await page.getByRole('heading', { level: 1, name: 'API GraphQL' }).waitFor();
    await expect(page.title()).resolves.toMatch(/^API GraphQL/);
    await page.getByRole('heading', { level: 2, name: 'Limites' }).waitFor();
    // The figures come from the server's apiLimits (the test server sets very high rates).
    await page.getByRole('cell', { name: '1 000 000 000 par minute et par adresse IP' }).waitFor();
    await page.getByRole('cell', { name: '100 éléments au plus (first)' }).waitFor();
    await page.getByRole('link', { name: 'Mon espace → Clés d’API' }).waitFor();

    expect(await problems()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the JavaScript snippet of the search example runs as copied and finds suppliers', async () => {
    const { page, problems } = await browser.open('/api');
    const code = await page.locator('#recherche ~ div pre[aria-label="code JavaScript (fetch)"]').first().textContent();
    expect(code).toContain(`fetch('${new URL(page.url()).origin}/graphql'`);

    // The snippet ends with console.log(errors ?? data): run it in the page and keep what it logs.
    const logged = await page.evaluate(async (snippet) => {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (body: string) => () => Promise<void>;
      const output: unknown[] = [];
      const log = console.log;
      console.log = (value: unknown) => output.push(value);
      try {
        await new AsyncFunction(snippet)();
      } finally {
        console.log = log;
      }
      return output;
    }, code ?? '');
    const data = logged[0] as NonNullable<SuppliersAnswer['data']>;
    expect(data.suppliers.totalCount).toBeGreaterThan(0);
    expect(data.suppliers.edges[0]?.node.name).toBeTruthy();

    // The copy button answers in its live region, with or without clipboard access.
    await page.getByRole('button', { name: 'Copier la commande curl' }).first().click();
    await page.getByRole('status').filter({ hasText: /Copié|copiez-le/ }).first().waitFor();
    expect(await problems()).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/curl'))('every curl command of the page runs as copied, without errors', async () => {
    const { page } = await browser.open('/api');
    const commands = await page.locator('pre[aria-label="commande curl"]').allTextContents();
    // Search, small purchases, sync, and the GET request.
    expect(commands).toHaveLength(4);
    const answers = commands.map((command) => {
      expect(command).toMatch(/^curl '/);
      return JSON.parse(execFileSync('sh', ['-c', `${command} --silent --show-error`], { encoding: 'utf8' })) as { data?: unknown; errors?: unknown[] };
    });
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeTruthy();
    }
    const search = await page.locator('#recherche ~ div pre[aria-label="commande curl"]').first().textContent();
    const searchAnswer = answers[commands.indexOf(search ?? '')] as SuppliersAnswer;
    expect(searchAnswer.data?.suppliers.totalCount).toBeGreaterThan(0);
  });

  it('the explorer loads from this server and runs its example query', async () => {
    const { page, response, problems } = await browser.open('/api/explorateur');
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toMatch(/^Explorateur GraphQL/);

    // The editor loads lazily; the button runs nothing before it holds the example query.
    await page.locator('.graphiql-query-editor').getByText('StructuresParSecteurEtTerritoire').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"totalCount"').waitFor();
    await expect(page.locator('.result-window').textContent()).resolves.toContain('"suppliers"');

    // Every request, the editor's workers included, went to this server (others are blocked and reported).
    expect(await problems()).toEqual([]);
  });
});
