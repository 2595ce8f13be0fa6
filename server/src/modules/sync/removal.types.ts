import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';

export enum SupplierRemovalReason {
  UNPUBLISHED = 'UNPUBLISHED',
  DELETED = 'DELETED',
}

registerEnumType(SupplierRemovalReason, {
  name: 'SupplierRemovalReason',
  description: 'Why a supplier left the public directory.',
  valuesConfig: {
    UNPUBLISHED: {
      description: 'Unpublished ("dépubliée"): absent from every source at an import, or withdrawn by moderation. It comes back as an update if republished.',
    },
    DELETED: { description: 'Deleted for good.' },
  },
});

export enum OfferingRemovalReason {
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
  SUPPLIER_REMOVED = 'SUPPLIER_REMOVED',
  DELETED = 'DELETED',
}

registerEnumType(OfferingRemovalReason, {
  name: 'OfferingRemovalReason',
  description: 'Why an offering left the public directory.',
  valuesConfig: {
    UNPUBLISHED: { description: 'Withdrawn by its supplier ("dépubliée"); it comes back as an update if published again.' },
    ARCHIVED: { description: 'Archived by its supplier: it will not come back.' },
    SUPPLIER_REMOVED: { description: 'Its supplier was unpublished; it comes back as an update if the supplier is republished.' },
    DELETED: { description: 'Deleted for good (with its supplier, or alone).' },
  },
});

@ObjectType('SupplierRemoval', { description: 'A supplier a mirror must delete: no longer in the public directory.' })
export class SupplierRemoval {
  @Field(() => ID, { description: 'Global ID the supplier had (the `Supplier.id` a mirror stored).' })
  supplierId!: string;

  @Field(() => SupplierRemovalReason, { description: 'Why it was removed.' })
  reason!: SupplierRemovalReason;

  @Field(() => DateTimeResolver, { description: 'When it was removed (start of the removing transaction).' })
  removedAt!: Date;
}

@ObjectType('OfferingRemoval', { description: 'An offering a mirror must delete: no longer in the public directory.' })
export class OfferingRemoval {
  @Field(() => ID, { description: 'Global ID the offering had (the `Offering.id` a mirror stored).' })
  offeringId!: string;

  @Field(() => OfferingRemovalReason, { description: 'Why it was removed.' })
  reason!: OfferingRemovalReason;

  @Field(() => DateTimeResolver, { description: 'When it was removed (start of the removing transaction).' })
  removedAt!: Date;
}

@ObjectType('SupplierRemovalEdge', { description: 'A removed supplier in the removal list.' })
export class SupplierRemovalEdge extends EdgeType(SupplierRemoval, 'removal') {}

@ObjectType('SupplierRemovalConnection', { description: 'A page of removed suppliers, oldest removal first (Relay connection).' })
export class SupplierRemovalConnection extends ConnectionType(SupplierRemovalEdge, 'removals') {}

@ObjectType('OfferingRemovalEdge', { description: 'A removed offering in the removal list.' })
export class OfferingRemovalEdge extends EdgeType(OfferingRemoval, 'removal') {}

@ObjectType('OfferingRemovalConnection', { description: 'A page of removed offerings, oldest removal first (Relay connection).' })
export class OfferingRemovalConnection extends ConnectionType(OfferingRemovalEdge, 'removals') {}
