import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { UserError } from '../../core/graphql/user-error.js';
import { Offering } from './offering.types.js';

@ObjectType('OfferingPayload', { description: 'Result of an offering mutation (create, update, publish, unpublish, archive).' })
export class OfferingPayload {
  @Field(() => Offering, {
    nullable: true,
    description: 'The offering after the call: changed on success; as it stands on the server otherwise (with STALE_VERSION, to show what changed). Null when there is none.',
  })
  offering!: Offering | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('ManagedOfferingEdge', { description: 'An offering in a structure\'s own list.' })
export class ManagedOfferingEdge extends EdgeType(Offering, 'offering') {}

@ObjectType('ManagedOfferingConnection', { description: 'A page of a structure\'s offerings, whatever their status, newest first.' })
export class ManagedOfferingConnection extends ConnectionType(ManagedOfferingEdge, 'offerings') {}
