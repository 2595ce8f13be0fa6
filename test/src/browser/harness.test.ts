import { describe, expect, it } from 'vitest';
import { accessibilityProblems, axeViolations, formatViolations } from './axe.js';
import { useBrowser } from './browser.js';

/** The harness itself: a page that goes wrong must make the browser tests fail. */
describe('browser test harness', () => {
  const browser = useBrowser();

  it('reports console errors, exceptions, HTTP and GraphQL errors, third-party requests', async () => {
    const { page, problems } = await browser.open('/');
    await page.evaluate(async () => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('uncaught');
      });
      await fetch('/graphql'); // no query: 400
      await fetch('https://tiles.example.org/1/2/3.png').catch(() => undefined);
      await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ supplier(siret: "12345678901234") { name } }' }),
      }).then((response) => response.json());
    });
    await page.waitForTimeout(200);

    const reported = (await problems()).join('\n');
    expect(reported).toContain('console error: boom');
    expect(reported).toContain('uncaught exception: Error: uncaught');
    expect(reported).toMatch(/HTTP 400: GET http:\/\/localhost:\d+\/graphql/);
    expect(reported).toContain('request to another origin (blocked): GET https://tiles.example.org/1/2/3.png');
    expect(reported).toContain('GraphQL error BAD_USER_INPUT');
  });

  it('leaves out the problems a test chooses to ignore', async () => {
    const { page, problems } = await browser.open('/', { ignore: [/console error: expected/] });
    await page.evaluate(() => console.error('expected in this test'));
    expect(await problems()).toEqual([]);
  });

  it('reports serious accessibility violations readably', async () => {
    const { page } = await browser.open('/');
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'unnamed-button';
      document.querySelector('main')!.append(button);
    });
    const violations = await axeViolations(page);
    expect(violations.map((violation) => violation.id)).toContain('button-name');
    expect(formatViolations(violations)).toMatch(/\[critical\] button-name — .*\n.*dequeuniversity.*\n\s+• #unnamed-button: fix one of: /);

    expect(await accessibilityProblems(page, { exclude: ['#unnamed-button'] })).toEqual([]);
  });
});
