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
        'The default: local first, then relevance. A structure whose SIRET, SIREN or whole name is typed comes first; then, with a territory, those located in it, then those serving it through their régions, départements or radius, then those serving all of France only; within each, those matching more of the words, then by text relevance (field weights: activities and offering titles over keywords and synonyms over descriptions, with saturation; the searched categories sold over only declared), then the more complete profiles, then the most recently updated.',
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
