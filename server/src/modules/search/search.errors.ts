import { GraphQLError } from 'graphql';
import { badUserInput, ErrorCode } from '../../core/graphql/errors.js';

/**
 * The supplier search of this server is not ready: its directory index is still loading
 * (a start, or a restart). Retryable: SERVICE_UNAVAILABLE, HTTP 503 with `Retry-After`.
 */
export function directoryIndexLoading(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `La recherche de structures démarre sur ce serveur (chargement de l'annuaire) : réessayez dans ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

/** A text in which nothing can be searched ("***", only stop words). */
export function noSearchableWord(text: string): GraphQLError {
  const shown = [...text.trim()].length > 60 ? `${[...text.trim()].slice(0, 60).join('')}…` : text.trim();
  return badUserInput(`Aucun mot exploitable dans « ${shown} » : saisissez un métier, un produit ou le nom d'une structure.`, 'filter.text');
}

export function textTooLong(length: number, max: number): GraphQLError {
  return badUserInput(`Le texte recherché fait ${length} caractères : ${max} au plus. Raccourcissez-le.`, 'filter.text');
}

export function invalidSmallPurchaseAmount(amount: number, max: number): GraphQLError {
  return badUserInput(
    `Montant d'achat direct invalide (${amount}) : donnez un montant en € HT supérieur à 0 et d'au plus ${max.toLocaleString('fr-FR')} €.`,
    'filter.smallPurchase.maxAmount',
  );
}
