import { Field, InputType, registerEnumType } from 'type-graphql';
import { DirectoryFilter, GeoPointInput } from '../search/search.inputs.js';
import './supplier.enums.js';

export enum SupplierOrder {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  NAME = 'NAME',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  UPDATED_ASC = 'UPDATED_ASC',
}

registerEnumType(SupplierOrder, {
  name: 'SupplierOrder',
  description: 'Orderings of a supplier search.',
  valuesConfig: {
    RELEVANCE: {
      description:
        'Suppliers located in the territory first, then those serving it, then those serving all of France; within each, name matches first, then suppliers active in a category the text names, then by name.',
    },
    DISTANCE: {
      description: 'Nearest first, from the commune of the territory filter or from `origin`; suppliers serving all of France that are not located in the territory come after the others.',
    },
    NAME: { description: 'Alphabetical by name (accents ignored).' },
    RECENTLY_UPDATED: { description: 'Most recently updated first.' },
    UPDATED_ASC: {
      description:
        'For mirrors: oldest change first, in the order of the writing transactions. Resuming after the last cursor returns every later change exactly once (a row changed again comes back later); changes of transactions still running are held back until they end. See `supplierRemovals` / `offeringRemovals` for what to delete.',
    },
  },
});

@InputType({ description: 'Criteria of a supplier search. All given criteria must hold; lists match any of their values.' })
export class SupplierFilter extends DirectoryFilter {
  @Field(() => [String], { nullable: true, description: 'Networks and labels (tags), any of them, exact values as in `Supplier.tags`.' })
  tags?: string[] | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'Point to measure distances from when the territory is not a commune (a commune territory gives its centre).',
  })
  origin?: GeoPointInput | null;
}
