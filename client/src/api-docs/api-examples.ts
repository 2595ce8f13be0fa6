import { stripIgnoredCharacters } from 'graphql';

/** A query of the API page, shown with its variables and as copy-paste snippets. */
export interface ApiExample {
  /** Anchor of its section on the page. */
  id: string;
  title: string;
  summary: string;
  query: string;
  variables: Record<string, unknown>;
}

// Every query here is validated against schema/schema.graphql (api-examples.test.ts):
// the documentation cannot drift from the contract.

export const searchByCategoryAndTerritory: ApiExample = {
  id: 'recherche',
  title: 'Rechercher par secteur et territoire',
  summary:
    'Les structures qui interviennent en Moselle (département 57) pour le nettoyage de bureaux, avec les facettes (nombre de structures par secteur et par type) pour affiner.',
  query: `query StructuresParSecteurEtTerritoire($categorySlug: String!, $departementCode: String!) {
  suppliers(
    first: 20
    filter: { categorySlugs: [$categorySlug], territory: { departementCode: $departementCode, scope: SERVES } }
  ) {
    totalCount
    edges {
      territoryMatch
      node {
        id
        name
        kindName
        siret
        address { postalCode commune { name } }
        contact { email phone website }
      }
    }
    pageInfo { hasNextPage endCursor }
    facets {
      categories { count category { slug name } }
      kinds { count kind }
    }
  }
}`,
  variables: { categorySlug: 'nettoyage-bureaux', departementCode: '57' },
};

export const smallPurchases: ApiExample = {
  id: 'petits-achats',
  title: 'Petits achats sous 15 000 € HT',
  summary:
    'Les offres de plateaux-repas qu’un acheteur du Bas-Rhin (67) peut commander sans publicité ni mise en concurrence, les moins chères d’abord (montant d’entrée : le prix, ou le minimum de commande s’il est plus élevé).',
  query: `query PetitsAchats($maxAmount: Float!, $departementCode: String!) {
  offerings(
    first: 20
    orderBy: ENTRY_AMOUNT
    filter: {
      categorySlugs: ["plateaux-repas"]
      smallPurchase: { maxAmount: $maxAmount }
      territory: { departementCode: $departementCode }
    }
  ) {
    totalCount
    edges {
      node {
        id
        title
        entryAmount
        price { amountFrom amountTo unit }
        supplier { id name siret }
      }
    }
  }
  smallPurchaseRules { defaultAmount }
}`,
  variables: { maxAmount: 15000, departementCode: '67' },
};

export const incrementalSync: ApiExample = {
  id: 'synchronisation',
  title: 'Synchronisation incrémentale',
  summary:
    'Pour tenir un miroir de l’annuaire à jour : lisez les structures dans l’ordre de leurs changements (UPDATED_ASC) et les structures retirées de l’annuaire, page par page. Gardez les deux derniers curseurs (endCursor) et repassez-les comme after au passage suivant : chaque changement et chaque retrait arrive exactement une fois. Les offres se synchronisent de même (offerings, offeringRemovals).',
  query: `query Synchronisation($after: String, $removalsAfter: String) {
  suppliers(first: 100, after: $after, orderBy: UPDATED_ASC) {
    edges {
      node { id name siret kind published updatedAt }
    }
    pageInfo { hasNextPage endCursor }
  }
  supplierRemovals(first: 100, after: $removalsAfter) {
    edges {
      node { supplierId reason removedAt }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  variables: { after: null, removalsAfter: null },
};

export const API_EXAMPLES: readonly ApiExample[] = [searchByCategoryAndTerritory, smallPurchases, incrementalSync];

/** A read sent by GET: cacheable when anonymous (the API page's GET example). */
export const GET_EXAMPLE_QUERY = '{ smallPurchaseRules { defaultAmount } }';

export function getUrl(query: string, endpoint: string): string {
  return `${endpoint}?${new URLSearchParams({ query: stripIgnoredCharacters(query) })}`;
}

/** The JSON body of the POST request: the query on one line (GraphQL ignores the layout). */
export function requestBody(example: ApiExample): string {
  return JSON.stringify({ query: stripIgnoredCharacters(example.query), variables: example.variables });
}

/** A shell command; the body has no single quote (checked by the tests), so it is quoted as is. */
export function curlSnippet(example: ApiExample, endpoint: string): string {
  return [`curl '${endpoint}'`, `  -H 'Content-Type: application/json'`, `  --data '${requestBody(example)}'`].join(' \\\n');
}

/** Browser or Node 18+ code; prints the data or the errors. */
export function fetchSnippet(example: ApiExample, endpoint: string): string {
  const variables = JSON.stringify(example.variables, null, 2).replace(/\n/g, '\n  ');
  return `const query = \`${example.query}\`;

const response = await fetch('${endpoint}', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    query,
    variables: ${variables},
  }),
});
const { data, errors } = await response.json();
console.log(errors ?? data);`;
}
