import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA: what RGAA 4 builds on. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const REPORTED_IMPACTS: ImpactValue[] = ['serious', 'critical'];

let axeSource: string | undefined;

interface Check {
  id: string;
  message: string;
}

/** An axe violation as it crosses back from the page: plain data. */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  tags: string[];
  description: string;
  nodes: { html: string; target: string[]; impact: ImpactValue | undefined; any: Check[]; all: Check[]; none: Check[] }[];
}

export interface AxeOptions {
  /** CSS selectors of parts to leave out, e.g. a third-party widget being fixed elsewhere. */
  exclude?: string[];
  /** axe rule ids to turn off, each with a reason in the calling test. */
  disableRules?: string[];
}

/**
 * Runs axe-core in the page as it is now and returns the serious and critical WCAG 2.1 AA
 * violations. Wait for the content to check before calling it.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) {
    // A strict Content-Security-Policy refuses the inline script; the DevTools protocol's
    // evaluate is not subject to it.
    await page.addScriptTag({ content: axeSource }).catch(() => page.evaluate(axeSource!));
  }
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  const violations = await page.evaluate(
    async ({ exclude, runOptions }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const context = exclude.length ? { exclude: exclude.map((selector) => [selector]) } : document;
      const results = await axe.run(context, runOptions);
      // Only serialisable data crosses back to Node.
      return results.violations.map(({ id, impact, help, helpUrl, tags, description, nodes }): AxeViolation => ({
        id, impact, help, helpUrl, tags, description,
        nodes: nodes.map(({ html, target, impact, any, all, none }) => ({
          html, target: target.map(String), impact,
          any: any.map(({ id, message }) => ({ id, message })),
          all: all.map(({ id, message }) => ({ id, message })),
          none: none.map(({ id, message }) => ({ id, message })),
        })),
      }));
    },
    { exclude: options.exclude ?? [], runOptions },
  );
  return violations.filter((violation) => REPORTED_IMPACTS.includes(violation.impact ?? null));
}

/**
 * One paragraph a violation, for assertion messages:
 *
 *   [serious] color-contrast — Elements must meet minimum color contrast ratio thresholds
 *     https://dequeuniversity.com/rules/axe/4.11/color-contrast
 *     • main > p.hint: fix one of: Element has insufficient color contrast of 3.2 …
 */
export function formatViolations(violations: AxeViolation[], nodesPerViolation = 5): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, nodesPerViolation).map((node) => {
        // Every `all`/`none` check must be fixed; any one of the `any` checks would do.
        const mustFix = [...node.all, ...node.none].map((check) => check.message);
        const oneOf = node.any.map((check) => check.message);
        const summary = [...mustFix, ...(oneOf.length ? [`fix one of: ${oneOf.join('; ')}`] : [])].join('; ');
        return `    • ${node.target.join(' ')}: ${summary}\n      ${node.html.slice(0, 200)}`;
      });
      const more = violation.nodes.length > nodesPerViolation ? [`    … and ${violation.nodes.length - nodesPerViolation} more`] : [];
      return [`[${violation.impact}] ${violation.id} — ${violation.help}`, `    ${violation.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n\n');
}

/**
 * What a test asserts: an empty list when the page passes, otherwise one readable
 * paragraph a violation (`expect(await accessibilityProblems(page)).toEqual([])`).
 */
export async function accessibilityProblems(page: Page, options: AxeOptions = {}): Promise<string[]> {
  return (await axeViolations(page, options)).map((violation) => formatViolations([violation]));
}
