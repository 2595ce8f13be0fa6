import { describe, expect, it } from 'vitest';
import type { EditableOfferingFragment, EditableProfileFragment } from '../../graphql/generated/graphql';
import { parseEuros } from './form-errors';
import { offeringDraftOf, parseOffering, updateInput } from './offering-draft';
import { draftOf, profileInput } from './profile-draft';
import { offeringData, profileData } from './test-fixtures';

describe('parseEuros', () => {
  it.each([
    ['12,50', 12.5],
    ['12.50', 12.5],
    ['1 200', 1200],
    ['1\u202f200,5 €', 1200.5],
    ['', null],
  ])('reads %j as %j', (typed, amount) => {
    expect(parseEuros(typed)).toBe(amount);
  });

  it('says NaN for what is not an amount', () => {
    expect(parseEuros('douze')).toBeNaN();
    expect(parseEuros('12,5,0')).toBeNaN();
  });
});

describe('profileInput', () => {
  it('sends only the changed fields, with the version read', () => {
    const supplier = profileData() as unknown as EditableProfileFragment;
    const draft = { ...draftOf(supplier), phone: '0102030405', tags: 'UNEA,  Label RSEi ,', area: { ...draftOf(supplier).area, areaKind: 'RADIUS' as const, radiusKm: '30' } };
    expect(profileInput(draft, supplier)).toEqual({
      input: {
        supplierId: supplier.id,
        version: 1,
        phone: '0102030405',
        tags: ['UNEA', 'Label RSEi'],
        serviceArea: { kind: 'RADIUS', regionCodes: null, departementCodes: null, radiusKm: 30 },
      },
      problems: {},
    });
  });
});

describe('offering drafts', () => {
  it('shows amounts with a decimal comma and sends only what changed', () => {
    const offering = offeringData() as unknown as EditableOfferingFragment;
    const draft = offeringDraftOf(offering);
    expect(draft.priceFrom).toBe('12,5');
    const changed = { ...draft, priceTo: '20' };
    const { values, problems } = parseOffering(changed);
    expect(problems).toEqual({});
    expect(updateInput(changed, offering, values)).toEqual({ offeringId: offering.id, version: 1, price: { from: 12.5, to: 20, unit: 'PIECE' } });
  });

  it('asks for a price when only its unit or upper bound is given', () => {
    expect(parseOffering({ ...offeringDraftOf(null), categoryId: 'x', priceUnit: 'HOUR' }).problems).toEqual({
      'price.from': 'Indiquez le prix, ou laissez les champs de prix vides pour une offre sur devis.',
    });
  });
});
