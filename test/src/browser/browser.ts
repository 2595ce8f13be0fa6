import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { assertChromiumInstalled, chromiumPath } from './chromium.js';

/**
 * Flags verified on the project machines (see the stack notes). Without the
 * background-networking ones Chromium keeps calling Google services the closed network
 * refuses.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
}

/** Origin of the shared built server, started by global-setup.ts. */
export function appOrigin(): string {
  return inject('appOrigin');
}

export interface OpenOptions {
  /** Problems (see `problems()`) matching one of these are not reported, e.g. a known third-party failure. */
  ignore?: RegExp[];
  /** What `goto` waits for; `networkidle` (the default) lets the page finish its GraphQL requests. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
  viewport?: { width: number; height: number };
  /** Another server than the shared one, e.g. one a test file started with its own settings. */
  origin?: string;
}

export interface OpenedPage {
  page: Page;
  /** The response to the first navigation (the SPA shell for any deep link). */
  response: Response | null;
  /**
   * Everything that went wrong in the page so far, one readable line each: console
   * errors, uncaught exceptions, failed requests, HTTP errors, GraphQL `errors`, and
   * requests to another origin (blocked: the product must work without third parties).
   * Assert `expect(await problems()).toEqual([])`.
   */
  problems: () => Promise<string[]>;
}

export interface BrowserSession {
  /** Opens `path` of the built server in a fresh context: no cookies, no local storage. */
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * Launches Chromium for the test file (beforeAll) and closes it (afterAll); the pages a
 * test opens are closed after it. Call once at the top of a test file.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(path, options = {}) {
      if (!browser) throw new Error('useBrowser(): open() is only available inside tests');
      const origin = options.origin ?? appOrigin();
      const context = await browser.newContext({
        baseURL: origin,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: options.viewport ?? { width: 1280, height: 800 },
      });
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      await context.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      const collector = collectProblems(page, origin, options.ignore ?? []);
      const response = await page.goto(path, { waitUntil: options.waitUntil ?? 'networkidle' });
      return { page, response, problems: collector };
    },
  };
}

/** Fills in and sends the sign-in form of the page (/connexion), as a person does. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/Adresse électronique/).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Listens to a page and returns a function that lists its problems so far. */
export function collectProblems(page: Page, origin: string, ignore: RegExp[] = []): () => Promise<string[]> {
  const problems: string[] = [];
  const pending = new Set<Promise<void>>();
  const isExternal = (url: string) => !url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url);

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every failed resource here too; the request listeners report them with their URL.
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console error: ${message.text()}${location(message.location())}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    problems.push(
      isExternal(request.url())
        ? `request to another origin (blocked): ${request.method()} ${request.url()}`
        : `request failed: ${request.method()} ${request.url()} (${reason})`,
    );
  });
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${request.method()} ${response.url()}`);
      return;
    }
    if (new URL(response.url()).pathname !== '/graphql' || request.method() !== 'POST') return;
    // The API answers business and validation errors with 200 and `errors`. Chromium never
    // hands over a body the page leaves unread: give up on it after a while.
    const read = Promise.race([response.json(), new Promise((resolve) => setTimeout(resolve, 3_000))])
      .then((body) => {
        for (const error of (body as GraphQLBody | undefined)?.errors ?? []) {
          problems.push(`GraphQL error ${error.extensions?.code ?? ''}: ${error.message} (${operationName(request.postData())})`);
        }
      })
      .catch(() => undefined) // the page navigated away: the body is gone
      .finally(() => pending.delete(read));
    pending.add(read);
  });

  return async () => {
    await Promise.all(pending);
    return problems.filter((problem) => !ignore.some((pattern) => pattern.test(problem)));
  };
}

interface GraphQLBody {
  errors?: { message: string; extensions?: { code?: string } }[];
}

function location(where: { url: string; lineNumber: number }): string {
  return where.url ? ` (${where.url}:${where.lineNumber + 1})` : '';
}

function operationName(postData: string | null): string {
  try {
    const body = JSON.parse(postData ?? '{}') as { operationName?: string; query?: string };
    return body.operationName ?? body.query?.slice(0, 60) ?? 'unknown operation';
  } catch {
    return 'unknown operation';
  }
}
