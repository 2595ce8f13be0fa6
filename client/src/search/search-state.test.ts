import { describe, expect, it } from 'vitest';
import { emptySearch, fromQuery, isBlank, PAGE_SIZE, toFilter, toQuery, withChange, withoutDistance, type SearchState } from './search-state';

function search(change: Partial<SearchState>): SearchState {
  return { ...emptySearch(), ...change };
}

describe('search state ⇄ URL', () => {
  it('leaves an empty search out of the URL', () => {
    expect(toQuery(emptySearch())).toEqual({});
    expect(isBlank(fromQuery({}))).toBe(true);
  });

  it('writes readable French parameters and reads them back to the same search', () => {
    const state = search({
      text: 'espaces verts',
      categorySlugs: ['tonte-debroussaillage', 'elagage'],
      groupSlugs: ['espaces-verts'],
      territory: { level: 'commune', code: '57463' },
      radiusKm: 30,
      scope: 'LOCATED_IN',
      families: ['DISABILITY'],
      kinds: ['ESAT', 'EA'],
      serviceTypes: ['SERVICES'],
      reservedMarkets: ['DISABILITY_SECTOR'],
      tags: ['UNEA', 'Label RSEi'],
      smallPurchase: true,
      smallPurchaseAmount: 5000,
      order: 'DISTANCE',
      shown: 60,
      view: 'map',
    });
    const query = toQuery(state);
    expect(query).toEqual({
      q: 'espaces verts',
      categorie: 'tonte-debroussaillage,elagage',
      domaine: 'espaces-verts',
      commune: '57463',
      rayon: '30',
      portee: 'situes',
      famille: 'disability',
      type: 'esat,ea',
      prestation: 'services',
      marche: 'disability_sector',
      reseau: 'UNEA,Label RSEi',
      'achat-direct': 'oui',
      montant: '5000',
      tri: 'distance',
      n: '60',
      vue: 'carte',
    });
    expect(fromQuery(query as Record<string, string>)).toEqual(state);
  });

  it('drops what a hand-edited link gets wrong instead of sending it to the API', () => {
    const state = fromQuery({
      commune: '5746',
      departement: '2a',
      rayon: '30',
      type: 'esat,licorne',
      famille: 'autre',
      montant: '-5',
      tri: 'distance',
      n: '7000',
      categorie: 'Tonte<script>',
    });
    expect(state.territory).toEqual({ level: 'departement', code: '2A' });
    // A radius and a distance ordering need a commune.
    expect(state.radiusKm).toBeNull();
    expect(state.order).toBeNull();
    expect(state.kinds).toEqual(['ESAT']);
    expect(state.families).toEqual([]);
    expect(state.smallPurchaseAmount).toBeNull();
    expect(state.shown).toBe(PAGE_SIZE);
    expect(state.categorySlugs).toEqual([]);
  });

  it('accepts repeated parameters as well as comma lists, without duplicates', () => {
    expect(fromQuery({ type: ['ei', 'aci,ei'] }).kinds).toEqual(['EI', 'ACI']);
  });

  it('rounds the number of results shown up to whole pages', () => {
    expect(fromQuery({ n: '45' }).shown).toBe(60);
  });
});

describe('search state → API filter', () => {
  it('sends only what the buyer chose', () => {
    expect(toFilter(emptySearch(), 15_000)).toEqual({});
  });

  it('maps a commune with a radius, the scope and the small purchase at the default amount', () => {
    const filter = toFilter(
      search({ territory: { level: 'commune', code: '57463' }, radiusKm: 20, scope: 'SERVES', smallPurchase: true, kinds: ['ESAT'] }),
      15_000,
    );
    expect(filter).toEqual({
      territory: { scope: 'SERVES', communeCode: '57463', radiusKm: 20 },
      smallPurchase: { maxAmount: 15_000 },
      kinds: ['ESAT'],
    });
  });

  it('maps départements and régions, and the buyer’s own amount', () => {
    expect(toFilter(search({ territory: { level: 'departement', code: '59' }, smallPurchase: true, smallPurchaseAmount: 4000 }), 15_000)).toEqual({
      territory: { scope: 'SERVES', departementCode: '59' },
      smallPurchase: { maxAmount: 4000 },
    });
    expect(toFilter(search({ territory: { level: 'region', code: '53' } }), 15_000).territory).toEqual({ scope: 'SERVES', regionCode: '53' });
  });
});

describe('changing a search', () => {
  it('starts again from the first page and drops what no longer applies', () => {
    const before = search({ territory: { level: 'commune', code: '57463' }, radiusKm: 30, order: 'DISTANCE', shown: 80, scope: 'LOCATED_IN' });
    const after = withChange(before, { territory: { level: 'region', code: '44' } });
    expect(after.shown).toBe(PAGE_SIZE);
    expect(after.radiusKm).toBeNull();
    expect(after.order).toBeNull();
    expect(after.scope).toBe('LOCATED_IN');
    expect(withChange(before, { territory: null }).scope).toBe('SERVES');
  });
});

describe('a search on a server without commune centres', () => {
  it('drops the radius and the distance order, and keeps the rest', () => {
    const linked = search({ territory: { level: 'commune', code: '57463' }, radiusKm: 30, order: 'DISTANCE', kinds: ['ESAT'], shown: 40 });
    expect(withoutDistance(linked)).toEqual({ ...linked, radiusKm: null, order: null });
    expect(withoutDistance({ ...linked, order: 'NAME' }).order).toBe('NAME');
    const runnable = search({ territory: { level: 'commune', code: '57463' }, order: 'NAME' });
    expect(withoutDistance(runnable)).toBe(runnable);
  });
});
