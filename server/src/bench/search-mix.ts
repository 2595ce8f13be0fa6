/** The fixed mix of buyer searches the benchmark runs: what the buyer SPA asks for (results with why they match, and facets). */

export const SUPPLIER_SEARCH = `query BenchSearch($filter: SupplierFilter, $orderBy: SupplierOrder, $first: Int, $after: String) {
  suppliers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      distanceKm
      territoryMatch
      node {
        id name kind kindName reservedMarkets lowestEntryAmount
        address { postalCode commune { name departement { code name } } }
        position { latitude longitude }
        categories { slug name }
      }
      cheapestMatchingOffering { title entryAmount price { amountFrom amountTo unit } }
      directPurchasePossible
      matchReasons { categories { slug name } offerings { title } textFields matchedWords missingWords }
    }
    facets {
      kinds { kind count }
      categoryGroups { group { slug name } count }
      departements { departement { code name } count }
      serviceTypes { serviceType count }
      smallPurchase { maxAmount count }
    }
  }
}`;

export const OFFERING_SEARCH = `query BenchOfferings($filter: OfferingFilter, $first: Int) {
  offerings(filter: $filter, first: $first) {
    totalCount
    edges { node { title entryAmount price { amountFrom unit } category { name } supplier { name address { commune { name } } } } }
  }
}`;

export interface BenchSearch {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const search = (name: string, filter: Record<string, unknown>, orderBy?: string): BenchSearch => ({
  name,
  query: SUPPLIER_SEARCH,
  variables: { filter, orderBy, first: 20 },
});

export const SEARCH_MIX: BenchSearch[] = [
  search('text: espaces verts', { text: 'espaces verts' }),
  search('Metz + nettoyage de bureaux (issue 14)', { text: 'nettoyage de bureaux', territory: { communeCode: '57463' } }),
  search('Moselle + traiteur pour un séminaire', { text: 'traiteur pour un séminaire', territory: { departementCode: '57' } }),
  search('category nettoyage de bureaux + Metz', { categorySlugs: ['nettoyage-bureaux'], territory: { communeCode: '57463' } }),
  search('text with typos: netoyage burreaux', { text: 'netoyage burreaux' }),
  search('category: tonte', { categorySlugs: ['tonte-debroussaillage'] }),
  search('group: restauration', { categoryGroupSlugs: ['restauration-alimentation'] }),
  search('located in Metz', { territory: { communeCode: '57463', scope: 'LOCATED_IN' } }),
  search('serving Metz + 30 km', { territory: { communeCode: '57463', radiusKm: 30 } }),
  search('serving Nord + text impression', { territory: { departementCode: '59' }, text: 'impression' }),
  search('Bretagne + ESAT', { territory: { regionCode: '53' }, kinds: ['ESAT'] }),
  search('disability family', { kindFamilies: ['DISABILITY'] }),
  search('SIAE reserved + déchets', { reservedMarkets: ['SIAE'], categoryGroupSlugs: ['dechets-recyclage'] }),
  search('small purchase (15 000)', { smallPurchase: {} }),
  search('small purchase 5 000 + printing + Nord', {
    smallPurchase: { maxAmount: 5000 },
    categoryGroupSlugs: ['impression-communication'],
    territory: { departementCode: '59' },
  }),
  search('Paris + nettoyage', { territory: { communeCode: '75056', scope: 'LOCATED_IN' }, text: 'nettoyage' }),
  search('Lyon + 20 km + small purchase', { territory: { communeCode: '69123', radiusKm: 20 }, smallPurchase: {} }),
  search('staff provision in Île-de-France', { serviceTypes: ['STAFF_PROVISION'], territory: { regionCode: '11' } }),
  search('Rennes + 50 km by distance, green spaces', {
    territory: { communeCode: '35238', radiusKm: 50, scope: 'LOCATED_IN' },
    categoryGroupSlugs: ['espaces-verts'],
  }, 'DISTANCE'),
  search('Bouches-du-Rhône traiteur, no national', { territory: { departementCode: '13' }, text: 'traiteur', excludeNationalOnly: true }),
  search('La Réunion', { territory: { departementCode: '974' } }),
  search('tag UNEA', { tags: ['UNEA'] }),
  search('recently updated', {}, 'RECENTLY_UPDATED'),
  search('EA and EATT by name', { kinds: ['EA', 'EATT'] }, 'NAME'),
  search('everything by name', {}, 'NAME'),
  {
    name: 'offerings: plateaux repas under 15 000',
    query: OFFERING_SEARCH,
    variables: { filter: { text: 'plateaux repas', smallPurchase: {} }, first: 20 },
  },
];
