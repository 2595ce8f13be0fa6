import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { Viewer } from '../accounts/account.types.js';
import { Supplier } from '../suppliers/supplier.types.js';
import {
  AddToShortlistInput, CreateShortlistInput, MergeShortlistInput, RenameShortlistInput, ShortlistEntrySelectorInput, ShortlistSelectorInput,
  UpdateShortlistNoteInput,
} from './shortlist.inputs.js';
import * as service from './shortlist.service.js';
import {
  DeleteShortlistPayload, MergeShortlistPayload, SharedShortlist, Shortlist, type ShortlistContents, ShortlistEntry, ShortlistPayload, type ShortlistView,
} from './shortlist.types.js';

/** Gives a list its contents, read on demand through the request's loaders (batched across lists). */
function withContents<T extends ShortlistView | null>(ctx: RequestContext, view: T): T {
  if (!view) return view;
  view.contents = async (): Promise<ShortlistContents> => {
    const rows = await ctx.loaders.shortlists.entriesByShortlistId.load(view.key);
    const published = rows.filter((row) => row.available);
    const suppliers = await ctx.loaders.suppliers.supplierById.loadMany(published.map((row) => row.supplierId));
    const entries = published.flatMap((row, index) => {
      const supplier = suppliers[index];
      // Unpublished between the two reads: hidden like the others.
      if (!supplier || supplier instanceof Error) return [];
      return [Object.assign(new ShortlistEntry(), { supplier: Supplier.from(supplier), note: row.note, addedAt: row.addedAt })];
    });
    return { entries, unavailableCount: rows.length - entries.length };
  };
  return view;
}

/** An outcome whose list (if any) shows its contents. */
const shown = <T extends { shortlist: Shortlist | null }>(ctx: RequestContext, outcome: T): T => ({
  ...outcome,
  shortlist: withContents(ctx, outcome.shortlist),
});

const payload = (ctx: RequestContext, outcome: service.Outcome) => Object.assign(new ShortlistPayload(), shown(ctx, outcome));

@Resolver(() => Viewer)
export class ViewerShortlistsResolver {
  @FieldResolver(() => [Shortlist], { description: `The account's shortlists ("sélections"), oldest first (at most ${service.MAX_SHORTLISTS}).` })
  async shortlists(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Shortlist[]> {
    return (await service.shortlistsOf(ctx, integerKeyOf(viewer.account.id, 'Account'))).map((shortlist) => withContents(ctx, shortlist));
  }
}

/**
 * Shortlists of signed-in accounts. Every mutation: UNAUTHENTICATED when anonymous,
 * FORBIDDEN on another account's list.
 */
@Resolver()
export class ShortlistResolver {
  @Query(() => SharedShortlist, {
    nullable: true,
    description: 'A shortlist opened with the token of its share link (no account needed); null when the token is unknown or the list no longer shared.',
  })
  async sharedShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String, { description: 'The token at the end of the share link (`/listes/<token>`).' }) token: string,
  ): Promise<SharedShortlist | null> {
    return withContents(ctx, await service.sharedShortlist(ctx, token));
  }

  @Mutation(() => ShortlistPayload, { description: `Creates an empty shortlist (at most ${service.MAX_SHORTLISTS} per account).` })
  async createShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateShortlistInput, { description: 'The new list.' }) input: CreateShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.createShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Renames one of your shortlists.' })
  async renameShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RenameShortlistInput, { description: 'The list and its new name.' }) input: RenameShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.renameShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => DeleteShortlistPayload, { description: 'Deletes one of your shortlists with its entries; its share link stops working.' })
  async deleteShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<DeleteShortlistPayload> {
    return Object.assign(new DeleteShortlistPayload(), await service.deleteShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, {
    description: `Adds a published structure to one of your shortlists (at most ${service.MAX_ENTRIES}); adding it again only updates the note, when given.`,
  })
  async addToShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddToShortlistInput, { description: 'The list, the structure and an optional note.' }) input: AddToShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.addToShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Changes your note about a structure of one of your shortlists.' })
  async updateShortlistNote(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateShortlistNoteInput, { description: 'The list, the structure and the note.' }) input: UpdateShortlistNoteInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.updateShortlistNote(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Removes a structure from one of your shortlists.' })
  async removeFromShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistEntrySelectorInput, { description: 'The list and the structure.' }) input: ShortlistEntrySelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.removeFromShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, {
    description: 'Makes a read-only link to one of your shortlists (`shareUrl`), for anyone who has it. Sharing a shared list keeps its link.',
  })
  async shareShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.shareShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Stops sharing one of your shortlists: its link opens nothing from now on.' })
  async unshareShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(ctx, await service.unshareShortlist(ctx, callerOf(ctx), input));
  }

  @Mutation(() => MergeShortlistPayload, {
    description:
      'At sign-in: adds the structures of the anonymous shortlist kept by the browser to one of your lists (default: your first one, created as "Ma sélection" when you have none).',
  })
  async mergeShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MergeShortlistInput, { description: 'The structures and the list.' }) input: MergeShortlistInput,
  ): Promise<MergeShortlistPayload> {
    return Object.assign(new MergeShortlistPayload(), shown(ctx, await service.mergeShortlist(ctx, callerOf(ctx), input)));
  }
}
