import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { MAX_TEXT_LENGTH } from '../search/search-state';
import type { UserErrorCode } from './generated/graphql';

/**
 * The one place where what the API refuses becomes French for the person in front of the
 * screen. The API's own messages (top-level `errors[].message`) are for developers and
 * often English: they are never shown. A page passes the failure it got (whatever Apollo
 * Client or fetch threw) and shows the sentence it gets back; it may word a code its own
 * way where the page knows better (`overrides`), never by reading the server's text.
 *
 * error-messages.test.ts fails when the server's closed list of codes
 * (server/src/core/graphql/errors.ts, `UserErrorCode` in schema/schema.graphql) has a code
 * this file does not word, and when a component reads an error's `.message` itself.
 */

/** `errors[].extensions.code`: the server's ErrorCode enum (server/src/core/graphql/errors.ts), one for one. */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'FEATURE_UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ALIASES',
  'REQUEST_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TIMEOUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * What went wrong, as this application tells it apart: an API code, or what happened on the
 * way (no network, the browser offline, an HTTP error with no GraphQL answer, anything else).
 */
export type FailureKind = ApiErrorCode | 'NETWORK' | 'OFFLINE' | 'UNAVAILABLE' | 'UNKNOWN';

export interface Failure {
  kind: FailureKind;
  /** Seconds to wait (TOO_MANY_ATTEMPTS, RATE_LIMITED), when the API said. */
  retryAfterSeconds?: number;
  /** The argument at fault (BAD_USER_INPUT's `extensions.argument`, e.g. "filter.text"). */
  argument?: string;
}

/** A page's own wording of some kinds, where it knows what they mean for the person there. */
export type FailureWording = Partial<Record<FailureKind, string>>;

/**
 * What the page knows that the error does not carry, for a sentence that names it: the
 * search's text, for BAD_USER_INPUT on `filter.text` ("Aucun mot exploitable dans « *** »").
 */
export interface FailureContext {
  searchText?: string;
}

/**
 * FEATURE_UNAVAILABLE on a search: the server has no commune centres
 * (`searchCapabilities { radiusSearchAvailable }` is false). Also the search page's notice.
 */
export const RADIUS_UNAVAILABLE =
  'La recherche par distance est indisponible sur ce serveur : les positions des communes ne sont pas chargées. ' +
  'Les recherches par commune, département ou région fonctionnent.';

/** "3 secondes", "42 minutes": the wait before trying again. */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} seconde${whole > 1 ? 's' : ''}`;
  const minutes = Math.ceil(whole / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

function waitText(failure: Failure): string {
  return failure.retryAfterSeconds ? `dans ${formatWait(failure.retryAfterSeconds)}` : 'dans quelques minutes';
}

const RELOAD = 'L’application n’a pas pu dialoguer avec le service : rechargez la page (une nouvelle version est peut-être en ligne), puis réessayez.';

const PLACE_NOT_FOUND = 'Ce lieu est introuvable : choisissez une commune, un code postal, un département ou une région dans la liste.';
const AMOUNT_REFUSED = 'Ce montant d’achat direct n’est pas accepté : indiquez un montant en euros HT supérieur à 0.';

/**
 * The search's text refused: too long, or without a word to search ("***", "<script>",
 * only filler words). The API says which by its message only, which is never shown: the
 * page gives the text, and the length tells the two apart.
 */
function searchTextMessage(_failure: Failure, context: FailureContext): string {
  const text = context.searchText?.trim();
  if (text === undefined) {
    return `Le texte recherché ne peut pas être cherché : il dépasse ${MAX_TEXT_LENGTH} caractères ou ne contient aucun mot exploitable.`;
  }
  const chars = [...text];
  if (chars.length > MAX_TEXT_LENGTH) {
    return `Le texte recherché fait ${chars.length} caractères : ${MAX_TEXT_LENGTH} au plus. Raccourcissez-le, puis relancez la recherche.`;
  }
  const shown = chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
  return `Aucun mot exploitable dans « ${shown} » : saisissez un métier, un produit ou le nom d’une structure.`;
}

/**
 * BAD_USER_INPUT by the argument at fault (most specific first): what a stale link or a
 * typing slip usually is. error-messages.test.ts fails when the search's API names an
 * argument this list does not word.
 */
const BAD_INPUT_BY_ARGUMENT: [argument: string, message: string | ((failure: Failure, context: FailureContext) => string)][] = [
  ['territory.radiusKm', 'Ce rayon n’est pas accepté : choisissez-en un dans la liste.'],
  ['territory', PLACE_NOT_FOUND],
  ['filter.territory.radiusKm', 'Ce rayon n’est pas accepté : choisissez-en un dans la liste.'],
  ['filter.territory', PLACE_NOT_FOUND],
  ['code', PLACE_NOT_FOUND],
  ['search', 'Ce lieu ne peut pas être cherché : saisissez au moins une lettre ou un chiffre, 100 caractères au plus.'],
  ['filter.text', searchTextMessage],
  ['filter.categorySlugs', 'Une activité de cette recherche n’existe plus dans l’annuaire : retirez-la, puis relancez la recherche.'],
  ['filter.categoryGroupSlugs', 'Un domaine de cette recherche n’existe plus dans l’annuaire : retirez-le, puis relancez la recherche.'],
  ['filter.smallPurchase', AMOUNT_REFUSED],
  ['amount', AMOUNT_REFUSED],
  ['filter.origin', 'Ce point de départ n’est pas valide : choisissez une commune dans la liste.'],
  ['filter', 'Un filtre de cette recherche n’est pas accepté : retirez quelques valeurs, puis relancez la recherche.'],
  ['orderBy', 'Ce tri n’est pas possible pour cette recherche : choisissez-en un autre.'],
  ['after', 'La liste a changé depuis son affichage : rechargez la page.'],
  ['first', 'Ce nombre de résultats n’est pas accepté : rechargez la page.'],
  ['ids', 'Cette demande porte sur trop de fiches à la fois : rechargez la page.'],
  ['id', 'Ce lien ne correspond à aucune fiche : il est peut-être incomplet.'],
  ['siret', 'Ce SIRET n’est pas valide : il compte 14 chiffres.'],
  ['input', 'Une valeur du formulaire n’est pas acceptée : vérifiez votre saisie, puis réessayez.'],
];

/** The argument of a BAD_USER_INPUT has French words of its own (not the catch-all sentence). */
export function wordsBadInputArgument(argument: string): boolean {
  return BAD_INPUT_BY_ARGUMENT.some(([prefix]) => argument === prefix || argument.startsWith(`${prefix}.`));
}

function badInputMessage(failure: Failure, context: FailureContext): string {
  const argument = failure.argument ?? '';
  const match = BAD_INPUT_BY_ARGUMENT.find(([prefix]) => argument === prefix || argument.startsWith(`${prefix}.`));
  if (!match) return 'La demande contient une valeur non acceptée : vérifiez votre saisie ou le lien suivi, puis réessayez.';
  return typeof match[1] === 'string' ? match[1] : match[1](failure, context);
}

/** A French sentence for every kind: the Record type makes a missing one a compile error. */
const MESSAGES: Record<FailureKind, (failure: Failure, context: FailureContext) => string> = {
  BAD_USER_INPUT: badInputMessage,
  GRAPHQL_PARSE_FAILED: () => RELOAD,
  GRAPHQL_VALIDATION_FAILED: () => RELOAD,
  BAD_REQUEST: () => RELOAD,
  OPERATION_RESOLUTION_FAILURE: () => RELOAD,
  PERSISTED_QUERY_NOT_FOUND: () => RELOAD,
  UNSUPPORTED_MEDIA_TYPE: () => RELOAD,
  QUERY_TOO_DEEP: () => RELOAD,
  TOO_MANY_ALIASES: () => RELOAD,
  FEATURE_UNAVAILABLE: () => 'Cette fonction n’est pas disponible sur ce serveur. Le reste du service fonctionne.',
  UNAUTHENTICATED: () => 'Vous n’êtes pas connecté, ou votre session a expiré : connectez-vous, puis réessayez.',
  FORBIDDEN: () => 'Votre compte n’a pas les droits nécessaires pour faire cela.',
  CSRF_TOKEN_INVALID: () => 'La demande a été refusée par mesure de sécurité : rechargez la page, puis réessayez.',
  TOO_MANY_ATTEMPTS: (failure) => `Trop de tentatives. Réessayez ${waitText(failure)}.`,
  RATE_LIMITED: (failure) => `Trop de demandes en peu de temps. Réessayez ${waitText(failure)}.`,
  QUERY_TOO_COMPLEX: () => 'Cette demande porte sur trop d’éléments à la fois : affinez-la ou affichez moins de résultats.',
  REQUEST_TOO_LARGE: () => 'L’envoi est trop volumineux : réduisez-le, puis réessayez.',
  TIMEOUT: () => 'Le service a mis trop de temps à répondre. Réessayez dans un instant, ou affinez votre demande.',
  SERVICE_UNAVAILABLE: (failure) => `Le service est momentanément indisponible. Réessayez ${waitText(failure)}.`,
  INTERNAL_SERVER_ERROR: () => 'Le service a rencontré un problème inattendu. Réessayez dans un instant.',
  UNAVAILABLE: () => 'Le service est momentanément indisponible. Réessayez dans un instant.',
  NETWORK: () => 'Le service ne répond pas. Vérifiez votre connexion internet, puis réessayez.',
  OFFLINE: () => 'Vous êtes hors connexion. Vérifiez votre connexion internet, puis réessayez.',
  UNKNOWN: () => 'La demande n’a pas abouti. Réessayez dans un instant.',
};

/** A fallback for every `UserErrorCode`, when a payload's userError comes without its message. */
export const USER_ERROR_MESSAGES: Record<UserErrorCode, string> = {
  BLANK: 'Ce champ est obligatoire.',
  INVALID: 'Cette valeur n’est pas valide.',
  TAKEN: 'Cette valeur est déjà utilisée.',
  TOO_SHORT: 'Cette valeur est trop courte.',
  TOO_LONG: 'Cette valeur est trop longue.',
  WEAK_PASSWORD: 'Ce mot de passe est trop facile à deviner.',
  INVALID_CREDENTIALS: 'Adresse électronique ou mot de passe incorrect.',
  INVALID_TOKEN: 'Ce lien n’est plus valable : il a déjà servi ou il a expiré.',
  OUT_OF_RANGE: 'Cette valeur dépasse les limites permises.',
  NOT_FOUND: 'Cet élément n’existe pas, ou plus.',
  DUPLICATE: 'Cet élément existe déjà.',
  STALE_VERSION: 'Quelqu’un a modifié cette fiche entre-temps : rechargez-la, puis refaites votre modification.',
  WRONG_CODE: 'Ce code est erroné ou a expiré.',
  NOT_ALLOWED_NOW: 'Cette action n’est pas possible pour le moment.',
};

const API_CODES = new Set<string>(API_ERROR_CODES);

function isUserErrorCode(code: unknown): code is UserErrorCode {
  return typeof code === 'string' && Object.hasOwn(USER_ERROR_MESSAGES, code);
}

interface CodedError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function fromCoded(errors: readonly CodedError[]): Failure | null {
  for (const error of errors) {
    const extensions = error.extensions ?? {};
    const code = extensions.code;
    if (typeof code !== 'string' || !API_CODES.has(code)) continue;
    const failure: Failure = { kind: code as ApiErrorCode };
    if (typeof extensions.retryAfterSeconds === 'number') failure.retryAfterSeconds = extensions.retryAfterSeconds;
    if (typeof extensions.argument === 'string') failure.argument = extensions.argument;
    return failure;
  }
  return errors.length ? { kind: 'INTERNAL_SERVER_ERROR' } : null;
}

/** An HTTP refusal: the GraphQL errors of its body when it has some, else its status. */
function fromHttp(status: number, bodyText: string, retryAfter: string | null): Failure {
  try {
    // GraphQL's error shape, which the HTTP layer (the logo route, refusals before GraphQL) answers too.
    const body = JSON.parse(bodyText) as { errors?: CodedError[] };
    const coded = Array.isArray(body.errors) ? fromCoded(body.errors) : null;
    if (coded && coded.kind !== 'INTERNAL_SERVER_ERROR') return coded;
  } catch {
    // Not JSON: a proxy's or a gateway's page.
  }
  const seconds = Number(retryAfter);
  if (status === 429) return { kind: 'RATE_LIMITED', ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}) };
  if (status === 401) return { kind: 'UNAUTHENTICATED' };
  if (status === 403) return { kind: 'FORBIDDEN' };
  if (status === 413) return { kind: 'REQUEST_TOO_LARGE' };
  if (status === 504) return { kind: 'TIMEOUT' };
  if (status >= 500) return { kind: 'UNAVAILABLE' };
  return { kind: 'UNKNOWN' };
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** What a failed request was, whatever threw it: Apollo Client's errors, fetch's, or a plain value. */
export function describeFailure(failure: unknown): Failure {
  if (CombinedGraphQLErrors.is(failure)) return fromCoded(failure.errors) ?? { kind: 'UNKNOWN' };
  if (ServerError.is(failure)) return fromHttp(failure.statusCode, failure.bodyText, failure.response.headers.get('retry-after'));
  if (ServerParseError.is(failure)) return failure.statusCode >= 500 ? { kind: 'UNAVAILABLE' } : { kind: 'UNKNOWN' };
  if (isOffline()) return { kind: 'OFFLINE' };
  // fetch rejects with a TypeError when nothing answered (network down, server stopped).
  if (failure instanceof TypeError || (failure instanceof Error && failure.name === 'AbortError')) return { kind: 'NETWORK' };
  return { kind: 'UNKNOWN' };
}

function sentence(failure: Failure, wording: FailureWording, context: FailureContext = {}): string {
  return wording[failure.kind] ?? MESSAGES[failure.kind](failure, context);
}

/** The French sentence to show for a failed request. */
export function failureMessage(failure: unknown, wording: FailureWording = {}, context: FailureContext = {}): string {
  return sentence(describeFailure(failure), wording, context);
}

/** The French sentence for an HTTP answer outside GraphQL (the logo route): its code, else its status. */
export function httpFailureMessage(status: number, bodyText: string, wording: FailureWording = {}, retryAfter: string | null = null): string {
  return sentence(fromHttp(status, bodyText, retryAfter), wording);
}

/** Whether the failure is one of these kinds, e.g. to show the sign-in link for UNAUTHENTICATED. */
export function isFailureOf(failure: unknown, ...kinds: FailureKind[]): boolean {
  if (!failure) return false;
  if (CombinedGraphQLErrors.is(failure)) {
    return failure.errors.some((error) => kinds.includes(String(error.extensions?.code) as FailureKind));
  }
  return kinds.includes(describeFailure(failure).kind);
}

/** A business failure of a mutation payload (`userErrors { field code message }`). */
export interface UserErrorLike {
  field?: readonly string[] | null;
  code: UserErrorCode | string;
  message?: string | null;
}

/**
 * The sentence of a userError. The API writes these messages in French for the person
 * (schema: "What went wrong, in French, ready to show to the person"), with the detail a
 * code cannot carry ("Le SIRET compte 14 chiffres ; vous en avez saisi 13."); the code's
 * sentence stands in when one comes without.
 */
export function userErrorMessage(error: UserErrorLike): string {
  const given = error.message?.trim();
  if (given) return given;
  return isUserErrorCode(error.code) ? USER_ERROR_MESSAGES[error.code] : MESSAGES.UNKNOWN({ kind: 'UNKNOWN' }, {});
}

/** All the sentences of a payload's userErrors, as one text. */
export function userErrorsText(errors: readonly UserErrorLike[] | null | undefined): string {
  return (errors ?? []).map(userErrorMessage).join(' ');
}

/** userErrors by field path ("price.unit"; '' for the whole form), to show each next to its field. */
export function messagesByField(errors: readonly UserErrorLike[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field?.join('.') ?? '';
    const text = userErrorMessage(error);
    messages[key] = messages[key] ? `${messages[key]} ${text}` : text;
  }
  return messages;
}
