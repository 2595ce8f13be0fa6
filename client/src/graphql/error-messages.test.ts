import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import serverErrorsSource from '../../../server/src/core/graphql/errors.ts?raw';
import logoRoutesSource from '../../../server/src/modules/suppliers/supplier-logo.routes.ts?raw';
import sdl from '../../../schema/schema.graphql?raw';
import {
  API_ERROR_CODES, describeFailure, failureMessage, httpFailureMessage, isFailureOf, messagesByField, RADIUS_UNAVAILABLE, USER_ERROR_MESSAGES,
  userErrorMessage, userErrorsText, wordsBadInputArgument,
} from './error-messages';

/** What the server says, in its own (often English) words: none of it may reach the page. */
const SERVER_WORDS = 'Radius search and distances are unavailable: commune centres are not loaded on this server.';

function graphqlFailure(extensions: Record<string, unknown>, message = SERVER_WORDS) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

function httpFailure(status: number, body: unknown, headers: Record<string, string> = {}) {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return new ServerError('Response not successful', { response: new Response(bodyText, { status, headers }), bodyText });
}

/** The members of `export enum ErrorCode { … }` in the server's source. */
function serverErrorCodes(): string[] {
  const block = /export enum ErrorCode \{([\s\S]*?)\n\}/.exec(serverErrorsSource)?.[1] ?? '';
  return [...block.matchAll(/^\s*([A-Z_]+) = '\1',?$/gm)].map((match) => match[1]!);
}

const GENERIC = failureMessage(new Error('?'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('every code the API can answer has French words', () => {
  it('knows exactly the server’s ErrorCode enum (server/src/core/graphql/errors.ts)', () => {
    const server = serverErrorCodes();
    expect(server.length).toBeGreaterThan(10);
    expect([...API_ERROR_CODES].sort()).toEqual([...server].sort());
  });

  it('words each top-level code in French, never with the server’s message', () => {
    for (const code of API_ERROR_CODES) {
      const message = failureMessage(graphqlFailure({ code }));
      expect(message, code).not.toContain(SERVER_WORDS);
      expect(message, code).toMatch(/^[A-ZÀ-Ý].*[.!]$/);
      // A code of its own, not the catch-all sentence.
      expect(message, code).not.toBe(GENERIC);
    }
  });

  it('has a sentence for each UserErrorCode of the schema', () => {
    const enumType = buildSchema(sdl).getType('UserErrorCode');
    expect(enumType).toBeInstanceOf(GraphQLEnumType);
    const codes = (enumType as GraphQLEnumType).getValues().map((value) => value.name);
    expect(Object.keys(USER_ERROR_MESSAGES).sort()).toEqual([...codes].sort());
  });

  it('words every refusal of the logo route (status and code) without its message', () => {
    const refusals = [...logoRoutesSource.matchAll(/refuse\(response, (\d{3}), '([A-Z_]+)', ['`]([^'`]*)/g)];
    expect(refusals.length).toBeGreaterThan(5);
    for (const [, status, code, serverMessage] of refusals) {
      const message = httpFailureMessage(Number(status), JSON.stringify({ errors: [{ message: serverMessage, extensions: { code } }] }));
      expect(message, code).not.toBe(serverMessage);
      expect(message, code).not.toBe(GENERIC);
    }
  });
});

describe('failureMessage', () => {
  it('says how long to wait when throttled', () => {
    expect(failureMessage(graphqlFailure({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 2520 }))).toBe('Trop de tentatives. Réessayez dans 42 minutes.');
    expect(failureMessage(graphqlFailure({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 }))).toBe('Trop de tentatives. Réessayez dans 1 seconde.');
    expect(failureMessage(graphqlFailure({ code: 'TOO_MANY_ATTEMPTS' }))).toBe('Trop de tentatives. Réessayez dans quelques minutes.');
  });

  it('reads the rate limit (HTTP 429) from the body, else from Retry-After', () => {
    const body = { errors: [{ message: 'Too many requests: retry in 30 s.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }] };
    expect(failureMessage(httpFailure(429, body))).toBe('Trop de demandes en peu de temps. Réessayez dans 30 secondes.');
    expect(failureMessage(httpFailure(429, 'Too Many Requests', { 'retry-after': '90' }))).toBe('Trop de demandes en peu de temps. Réessayez dans 2 minutes.');
  });

  it('tells a timeout, an outage and a proxy’s error page apart', () => {
    const timeout = { errors: [{ message: 'The request took longer than 10 s', extensions: { code: 'TIMEOUT', timeoutMs: 10_000 } }] };
    expect(describeFailure(httpFailure(503, timeout)).kind).toBe('TIMEOUT');
    const databaseDown = { errors: [{ message: 'Service temporarily unavailable: retry in 2 s.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } }] };
    expect(failureMessage(httpFailure(503, databaseDown, { 'retry-after': '2' }))).toBe('Le service est momentanément indisponible. Réessayez dans 2 secondes.');
    expect(describeFailure(httpFailure(502, '<html>Bad Gateway</html>')).kind).toBe('UNAVAILABLE');
    expect(failureMessage(httpFailure(502, '<html>Bad Gateway</html>'))).toBe('Le service est momentanément indisponible. Réessayez dans un instant.');
  });

  it('tells a network failure from being offline', () => {
    expect(failureMessage(new TypeError('Failed to fetch'))).toBe('Le service ne répond pas. Vérifiez votre connexion internet, puis réessayez.');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(failureMessage(new TypeError('Failed to fetch'))).toBe('Vous êtes hors connexion. Vérifiez votre connexion internet, puis réessayez.');
  });

  it('masks an unknown code and anything else behind a French sentence', () => {
    expect(failureMessage(graphqlFailure({ code: 'SOMETHING_NEW' }))).toBe('Le service a rencontré un problème inattendu. Réessayez dans un instant.');
    expect(failureMessage(new Error('Cannot read properties of undefined'))).toBe('La demande n’a pas abouti. Réessayez dans un instant.');
    expect(failureMessage(undefined)).toBe(GENERIC);
  });

  it('words BAD_USER_INPUT by the argument at fault, not by the server’s text', () => {
    const place = failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'territory.communeCode' }, 'Unknown commune INSEE code "99999"'));
    expect(place).toMatch(/^Ce lieu est introuvable/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'territory.radiusKm' }))).toMatch(/^Ce rayon/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'filter.categorySlugs' }))).toMatch(/activité/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'filter.kinds' }))).toMatch(/filtre/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT' }))).toMatch(/valeur non acceptée/);
  });

  it('words the search’s refused text with the text itself: no searchable word, or too long', () => {
    const refused = graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'filter.text' }, 'Aucun mot exploitable dans « *** »');
    expect(failureMessage(refused, {}, { searchText: ' *** ' })).toBe(
      'Aucun mot exploitable dans « *** » : saisissez un métier, un produit ou le nom d’une structure.',
    );
    expect(failureMessage(refused, {}, { searchText: '<script>alert(1)</script>' })).toContain('« <script>alert(1)</script> »');
    expect(failureMessage(refused, {}, { searchText: 'x'.repeat(20_000) })).toBe(
      'Le texte recherché fait 20000 caractères : 200 au plus. Raccourcissez-le, puis relancez la recherche.',
    );
    expect(failureMessage(refused, {}, { searchText: `${'mot '.repeat(30)}` })).toMatch(/« (mot ){15}… »/);
    // Without the text, a sentence that covers both.
    expect(failureMessage(refused)).toMatch(/^Le texte recherché ne peut pas être cherché/);
  });

  it('words the amount and the place the search refuses', () => {
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'filter.smallPurchase.maxAmount' }))).toMatch(/^Ce montant d’achat direct/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'amount' }))).toMatch(/^Ce montant d’achat direct/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'territory.departementCode' }))).toMatch(/^Ce lieu est introuvable/);
    expect(failureMessage(graphqlFailure({ code: 'BAD_USER_INPUT', argument: 'code' }, '"XX" is not a département code'))).toMatch(/^Ce lieu est introuvable/);
  });

  it('takes a page’s own words for a code it knows better', () => {
    const failure = graphqlFailure({ code: 'FEATURE_UNAVAILABLE' });
    expect(failureMessage(failure, { FEATURE_UNAVAILABLE: RADIUS_UNAVAILABLE })).toBe(RADIUS_UNAVAILABLE);
    expect(failureMessage(failure, { FORBIDDEN: 'Réservé aux structures.' })).toBe('Cette fonction n’est pas disponible sur ce serveur. Le reste du service fonctionne.');
  });

  it('finds a code among several errors, for pages that branch on it', () => {
    const failure = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, { message: 'y', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(isFailureOf(failure, 'UNAUTHENTICATED')).toBe(true);
    expect(isFailureOf(failure, 'FORBIDDEN')).toBe(false);
    expect(isFailureOf(httpFailure(401, '')), 'HTTP status').toBe(false);
    expect(isFailureOf(httpFailure(401, ''), 'UNAUTHENTICATED')).toBe(true);
    expect(isFailureOf(undefined, 'UNKNOWN')).toBe(false);
  });
});

/**
 * The search's API and what it calls (territories, offerings, pagination) name the argument
 * at fault in each BAD_USER_INPUT: each such argument has words of its own here, so a buyer
 * never reads the catch-all sentence, nor the API's own (sometimes English) words.
 */
describe('every argument the search API refuses has French words', () => {
  const sources = import.meta.glob<string>(
    [
      '../../../server/src/modules/search/**/*.ts',
      '../../../server/src/modules/territories/**/*.ts',
      '../../../server/src/modules/offerings/offering.types.ts',
      '../../../server/src/modules/categories/**/*.ts',
      '../../../server/src/core/graphql/pagination.ts',
      '!../../../server/**/*.test.ts',
    ],
    { query: '?raw', import: 'default', eager: true },
  );

  it('words each literal argument of badUserInput(…, "argument")', () => {
    const argumentsNamed = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/badUserInput\(([^;]|\n)*?,\s*'([\w.]+)'\s*,?\s*\)/g)) argumentsNamed.add(match[2]!);
    }
    expect([...argumentsNamed]).toEqual(expect.arrayContaining(['filter.text', 'filter.smallPurchase.maxAmount', 'territory.communeCode', 'amount']));
    expect([...argumentsNamed].filter((argument) => !wordsBadInputArgument(argument))).toEqual([]);
  });
});

describe('userErrors', () => {
  it('shows the payload’s French message, or the code’s sentence when it has none', () => {
    expect(userErrorMessage({ code: 'INVALID', message: 'Le SIRET compte 14 chiffres ; vous en avez saisi 13.' })).toBe(
      'Le SIRET compte 14 chiffres ; vous en avez saisi 13.',
    );
    expect(userErrorMessage({ code: 'STALE_VERSION', message: '' })).toBe(USER_ERROR_MESSAGES.STALE_VERSION);
    expect(userErrorsText([{ code: 'BLANK', message: 'Le titre est obligatoire.' }, { code: 'TOO_LONG', message: null }])).toBe(
      'Le titre est obligatoire. Cette valeur est trop longue.',
    );
    expect(userErrorsText(undefined)).toBe('');
  });

  it('groups userErrors by field path, form-wide ones under ""', () => {
    expect(
      messagesByField([
        { field: ['email'], code: 'INVALID', message: 'Adresse invalide.' },
        { field: ['email'], code: 'TAKEN', message: 'Déjà prise.' },
        { field: ['price', 'unit'], code: 'BLANK', message: 'Indiquez l’unité.' },
        { field: null, code: 'INVALID_CREDENTIALS', message: 'Identifiants incorrects.' },
      ]),
    ).toEqual({ email: 'Adresse invalide. Déjà prise.', 'price.unit': 'Indiquez l’unité.', '': 'Identifiants incorrects.' });
  });
});

/**
 * Every page goes through this module: no other file reads an error's `.message` (the
 * API's words) or its `extensions`. The few `.message` reads left are fields named so.
 */
describe('no page shows what the API said in its own words', () => {
  const sources = import.meta.glob<string>(['../**/*.{ts,vue}', '!../**/*.test.ts', '!./generated/**', '!./error-messages.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const ALLOWED_MESSAGE_READS: Record<string, string[]> = {
    // What claimants and proposers typed for the moderators.
    '../admin/ModerationPage.vue': ['claim.message', 'proposal.message'],
    // The form's "message" field and its error.
    '../workspace/proposals/ProposalPage.vue': ['values.message', 'errors.message'],
  };

  it('reads .message only where the field is not an error', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/([\w$]+)(?:\.value)?\??\.message\b/g)) {
        const read = match[0].replace('?.', '.');
        if (!(ALLOWED_MESSAGE_READS[file] ?? []).includes(read)) found.push(`${file}: ${read}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('branches on error codes only through isFailureOf / describeFailure', () => {
    const found = Object.entries(sources)
      .filter(([file]) => file !== './apollo.ts') // the CSRF link forgets a refused token
      .filter(([, source]) => /CombinedGraphQLErrors|\.extensions\b/.test(source))
      .map(([file]) => file);
    expect(found).toEqual([]);
  });
});
