import { ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { Offering } from '../offerings/offering.types.js';

@ObjectType('OfferingEdge', { description: 'An offering in a search result.' })
export class OfferingEdge extends EdgeType(Offering, 'offering') {}

@ObjectType('OfferingConnection', { description: 'A page of offerings (Relay connection).' })
export class OfferingConnection extends ConnectionType(OfferingEdge, 'offerings') {}
