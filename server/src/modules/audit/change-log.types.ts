import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { ChangeAction } from './change-log.js';

registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What a change-log entry records.',
  valuesConfig: {
    SUPPLIER_PROFILE_UPDATED: { description: 'The structure\'s profile was edited.' },
    SUPPLIER_LOGO_UPDATED: { description: 'A new logo was uploaded.' },
    SUPPLIER_LOGO_REMOVED: { description: 'The logo was removed.' },
    SUPPLIER_PROPOSED: { description: 'The structure was proposed for the directory.' },
    SUPPLIER_PROPOSAL_APPROVED: { description: 'An admin approved the proposal: the structure is public.' },
    SUPPLIER_PROPOSAL_REJECTED: { description: 'An admin rejected the proposal.' },
    OFFERING_CREATED: { description: 'An offering was created (as a draft).' },
    OFFERING_UPDATED: { description: 'An offering was edited.' },
    OFFERING_PUBLISHED: { description: 'An offering was published: buyers see it.' },
    OFFERING_UNPUBLISHED: { description: 'An offering was withdrawn from buyers ("dépubliée").' },
    OFFERING_ARCHIVED: { description: 'An offering was archived.' },
    CLAIM_REQUESTED: { description: 'An account asked to manage the structure ("revendication").' },
    CLAIM_APPROVED: { description: 'A claim was approved: the account manages the structure.' },
    CLAIM_REJECTED: { description: 'A claim was rejected.' },
    CLAIM_CANCELLED: { description: 'A claim was withdrawn by the claimant.' },
    MEMBER_INVITED: { description: 'A colleague was invited.' },
    INVITATION_REVOKED: { description: 'An invitation was revoked.' },
    MEMBER_JOINED: { description: 'A member joined the structure.' },
    MEMBER_REMOVED: { description: 'A member was removed.' },
  } satisfies Record<ChangeAction, { description: string }>,
});

@ObjectType('FieldChange', { description: 'One changed field: its value before and after (JSON values).' })
export class FieldChange {
  @Field(() => String, { description: 'Name of the field, as in the edit input (e.g. "description", "serviceArea", "price").' })
  field!: string;

  @Field(() => JSONResolver, { nullable: true, description: 'Value before the change; null when there was none.' })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: 'Value after the change; null when cleared.' })
  after!: unknown;
}

@ObjectType('ChangeLogEntry', { description: 'One recorded change of a structure or of one of its offerings: who, when, what.' })
export class ChangeLogEntry {
  @Field(() => ID, { description: 'Global ID of the entry.' })
  id!: string;

  @Field(() => ChangeAction, { description: 'What happened.' })
  action!: ChangeAction;

  @Field(() => String, {
    description: 'Display name of who made the change; "Achat inclusif" for imports and the system (or an account deleted since).',
  })
  authorName!: string;

  @Field(() => DateTimeResolver, { description: 'When.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Current title of the offering concerned; null for changes of the structure itself.' })
  offeringTitle!: string | null;

  @Field(() => [FieldChange], { description: 'Changed fields (empty for decisions and events without fields).' })
  changes!: FieldChange[];
}

@ObjectType('ChangeLogEdge', { description: 'A change-log entry in a connection.' })
export class ChangeLogEdge extends EdgeType(ChangeLogEntry, 'change-log entry') {}

@ObjectType('ChangeLogConnection', { description: 'A page of change-log entries, newest first.' })
export class ChangeLogConnection extends ConnectionType(ChangeLogEdge, 'change-log entries') {}
