import { describe, expect, it } from 'vitest';
import { emptySearch, fromQuery, isBlank, MAX_TEXT_LENGTH, PAGE_SIZE, readQuery, toFilter, toQuery, withChange, withoutDistance, type SearchState } from './search-state';

/** The notice's words of what was ignored, with plain spaces for the non-breaking ones inside « ». */
const texts = (parts: { text: string }[]) => parts.map((part) => part.text.replace(/\u00a0/g, ' '));

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
      excludeNationalOnly: false,
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

  it('lists what it leaves out of a link, in the words of the notice', () => {
    const { state, ignored } = readQuery({
      departement: 'XX',
      categorie: 'Tonte<script>,elagage',
      type: 'esat,licorne',
      famille: 'autre',
      montant: '0',
      tri: 'hasard',
      rayon: '30',
      n: '7000',
      vue: 'plan',
      utm_source: 'lettre',
    });
    expect(texts(ignored)).toEqual([
      'l’activité « Tonte<script> »',
      'le département « XX »',
      'le rayon « 30 »',
      'la famille « autre »',
      'le type de structure « licorne »',
      'le montant « 0 »',
      'le tri « hasard »',
    ]);
    // What is valid stays; presentation and unknown parameter names are no criteria.
    expect(state).toEqual({ ...emptySearch(), categorySlugs: ['elagage'], kinds: ['ESAT'] });
  });

  it('keeps one place, and names the others as ignored', () => {
    const { state, ignored } = readQuery({ commune: '57463', departement: '57' });
    expect(state.territory).toEqual({ level: 'commune', code: '57463' });
    expect(texts(ignored)).toEqual(['le département « 57 »']);
  });

  it('cuts "Quoi ?" to 200 characters and says so; quotes long values short', () => {
    const { state, ignored } = readQuery({ q: 'é'.repeat(20_000), departement: 'X'.repeat(100) });
    expect([...state.text]).toHaveLength(MAX_TEXT_LENGTH);
    expect(texts(ignored)).toEqual([
      'la fin du texte recherché, au-delà de 200 caractères',
      `le département « ${'X'.repeat(40)}… »`,
    ]);
    expect(toQuery(state).q).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('reads the amount as the amount field does: positive, finite, bounded', () => {
    expect(readQuery({ montant: '15 000' }).state.smallPurchaseAmount).toBe(15_000);
    expect(readQuery({ montant: '2500,50' }).state.smallPurchaseAmount).toBe(2500.5);
    for (const montant of ['0', '-5', '100000000', 'Infinity', 'NaN', '1e9']) {
      const { state, ignored } = readQuery({ montant });
      expect(state.smallPurchaseAmount, montant).toBeNull();
      expect(ignored, montant).toHaveLength(1);
    }
  });

  it('says a distance order without a commune is dropped, and takes "relevance" as the default order', () => {
    expect(texts(readQuery({ departement: '57', tri: 'distance' }).ignored)).toEqual(['le tri par distance, qui demande une commune']);
    expect(readQuery({ tri: 'relevance' })).toEqual({ state: emptySearch(), ignored: [] });
    expect(readQuery({ tri: 'nom' }).ignored).toHaveLength(1);
    expect(readQuery({ tri: 'name' }).state.order).toBe('NAME');
  });

  it('keeps the national-only toggle in the URL, with a place only', () => {
    const state = search({ territory: { level: 'departement', code: '57' }, excludeNationalOnly: true });
    expect(toQuery(state)).toEqual({ departement: '57', national: 'non' });
    expect(fromQuery({ departement: '57', national: 'non' })).toEqual(state);
    expect(toFilter(state, 15_000)).toEqual({ territory: { scope: 'SERVES', departementCode: '57' }, excludeNationalOnly: true });
    // Among the structures located there, there is nothing to hide.
    const located = { ...state, scope: 'LOCATED_IN' as const };
    expect(toQuery(located).national).toBeUndefined();
    expect(toFilter(located, 15_000).excludeNationalOnly).toBeUndefined();
    // Without a place, the link's option is said to be ignored.
    expect(texts(readQuery({ national: 'non' }).ignored)).toEqual(['le masquage des structures nationales, qui demande un lieu']);
    expect(withChange(state, { territory: null }).excludeNationalOnly).toBe(false);
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

describe('one-value parameters', () => {
  it('keeps the commas of the text and of the amount', () => {
    expect(fromQuery({ q: 'traiteur, buffet' }).text).toBe('traiteur, buffet');
    expect(fromQuery(toQuery(search({ text: 'traiteur, buffet' })) as Record<string, string>).text).toBe('traiteur, buffet');
  });
});
