import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DirectoryFilter } from '../search/search.inputs.js';

export enum OfferingOrder {
  RELEVANCE = 'RELEVANCE',
  ENTRY_AMOUNT = 'ENTRY_AMOUNT',
  TITLE = 'TITLE',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  UPDATED_ASC = 'UPDATED_ASC',
}

registerEnumType(OfferingOrder, {
  name: 'OfferingOrder',
  description: 'Orderings of an offering search.',
  valuesConfig: {
    RELEVANCE: {
      description: 'Offerings of suppliers located in the territory first, then those serving it, then national ones; within each, best text match first, then cheapest.',
    },
    ENTRY_AMOUNT: { description: 'Cheapest entry amount first; offerings on quote only last.' },
    TITLE: { description: 'Alphabetical by title (accents ignored).' },
    RECENTLY_UPDATED: { description: 'Most recently updated first.' },
    UPDATED_ASC: {
      description:
        'For mirrors: oldest change first, in the order of the writing transactions. Resuming after the last cursor returns every later change exactly once (a row changed again comes back later); changes of transactions still running are held back until they end. See `supplierRemovals` / `offeringRemovals` for what to delete.',
    },
  },
});

@InputType({ description: 'Criteria of an offering search. All given criteria must hold; lists match any of their values. Kind criteria apply to the supplier.' })
export class OfferingFilter extends DirectoryFilter {
  @Field(() => ID, { nullable: true, description: 'Only the offerings of this supplier.' })
  supplierId?: string | null;
}
