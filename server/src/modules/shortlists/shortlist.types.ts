import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { UserError } from '../../core/graphql/user-error.js';
import { Supplier } from '../suppliers/supplier.types.js';

@ObjectType({ description: 'A structure on a shortlist, with the note of the list\'s owner.' })
export class ShortlistEntry {
  @Field(() => Supplier, { description: 'The structure (published ones only: others are left out and counted in `unavailableCount`).' })
  supplier!: Supplier;

  @Field(() => String, { description: 'Plain-text note of the owner about this structure ("" when none); never markup.' })
  note!: string;

  @Field(() => DateTimeResolver, { description: 'When the structure was added to the list.' })
  addedAt!: Date;
}

/** What a list shows, loaded on demand (batched across lists by the request's loaders). */
export interface ShortlistContents {
  entries: ShortlistEntry[];
  /** Entries whose structure is no longer published: hidden, only counted. */
  unavailableCount: number;
}

@InterfaceType('ShortlistContent', { description: 'A named list of structures with notes: a shortlist, seen by its owner or through its share link.' })
export abstract class ShortlistView {
  @Field(() => String, { description: 'Name of the list, plain text (1 to 100 characters).' })
  name!: string;

  /** The list's row id. */
  key!: number;

  /** Set by the resolvers (shortlist.resolver.ts), which read entries through the request's loaders. */
  contents!: () => Promise<ShortlistContents>;

  @Field(() => [ShortlistEntry], { description: 'The published structures of the list, oldest addition first (at most 500 entries).' })
  async entries(): Promise<ShortlistEntry[]> {
    return (await this.contents()).entries;
  }

  @Field(() => Int, { description: 'Number of structures shown in `entries`.' })
  async entryCount(): Promise<number> {
    return (await this.contents()).entries.length;
  }

  @Field(() => Int, {
    description: 'Number of structures of the list no longer published in the directory (taken off): they are hidden from `entries`.',
  })
  async unavailableCount(): Promise<number> {
    return (await this.contents()).unavailableCount;
  }
}

@ObjectType({ implements: ShortlistView, description: 'A named list of structures ("sélection") kept by a signed-in account; private unless shared.' })
export class Shortlist extends ShortlistView {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Read-only link to the list, for anyone who has it (no account needed); null when not shared.',
  })
  shareUrl!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the list was created.' })
  createdAt!: Date;
}

@ObjectType({
  implements: ShortlistView,
  description: "A shortlist opened with its share link: read-only, and without the owner's name or account (the link may be forwarded).",
})
export class SharedShortlist extends ShortlistView {}

@ObjectType({ description: 'Result of a change of a shortlist.' })
export class ShortlistPayload {
  @Field(() => Shortlist, { nullable: true, description: 'The list after the change; null when nothing was changed.' })
  shortlist!: Shortlist | null;

  @Field(() => [UserError], { description: 'Why nothing was changed, if so.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `deleteShortlist`.' })
export class DeleteShortlistPayload {
  @Field(() => ID, { nullable: true, description: 'Global ID of the deleted list; null when nothing was deleted.' })
  deletedShortlistId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted, if so.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `mergeShortlist`.' })
export class MergeShortlistPayload {
  @Field(() => Shortlist, { nullable: true, description: 'The list the structures were added to; null when nothing was changed.' })
  shortlist!: Shortlist | null;

  @Field(() => Int, { description: 'How many structures were added.' })
  addedCount!: number;

  @Field(() => Int, { description: 'How many were skipped: already on the list, unknown or unpublished, repeated, or over the 500-entry limit.' })
  skippedCount!: number;

  @Field(() => [UserError], { description: 'Why nothing was changed, if so.' })
  userErrors!: UserError[];
}
