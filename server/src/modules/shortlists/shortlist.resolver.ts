import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { Viewer } from '../accounts/account.types.js';
import {
  AddToShortlistInput, CreateShortlistInput, MergeShortlistInput, RenameShortlistInput, ShortlistEntrySelectorInput, ShortlistSelectorInput,
  UpdateShortlistNoteInput,
} from './shortlist.inputs.js';
import * as service from './shortlist.service.js';
import { DeleteShortlistPayload, MergeShortlistPayload, SharedShortlist, Shortlist, ShortlistPayload } from './shortlist.types.js';

const payload = (outcome: { shortlist: Shortlist | null; userErrors: ShortlistPayload['userErrors'] }) => Object.assign(new ShortlistPayload(), outcome);

@Resolver(() => Viewer)
export class ViewerShortlistsResolver {
  @FieldResolver(() => [Shortlist], { description: `The account's shortlists ("sélections"), oldest first (at most ${service.MAX_SHORTLISTS}).` })
  shortlists(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Shortlist[]> {
    return service.shortlistsOf(ctx, integerKeyOf(viewer.account.id, 'Account'));
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
  sharedShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String, { description: 'The token at the end of the share link (`/listes/<token>`).' }) token: string,
  ): Promise<SharedShortlist | null> {
    return service.sharedShortlist(ctx, token);
  }

  @Mutation(() => ShortlistPayload, { description: `Creates an empty shortlist (at most ${service.MAX_SHORTLISTS} per account).` })
  async createShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateShortlistInput, { description: 'The new list.' }) input: CreateShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.createShortlist(ctx, input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Renames one of your shortlists.' })
  async renameShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RenameShortlistInput, { description: 'The list and its new name.' }) input: RenameShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.renameShortlist(ctx, input));
  }

  @Mutation(() => DeleteShortlistPayload, { description: 'Deletes one of your shortlists with its entries; its share link stops working.' })
  async deleteShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<DeleteShortlistPayload> {
    return Object.assign(new DeleteShortlistPayload(), await service.deleteShortlist(ctx, input));
  }

  @Mutation(() => ShortlistPayload, {
    description: `Adds a published structure to one of your shortlists (at most ${service.MAX_ENTRIES}); adding it again only updates the note, when given.`,
  })
  async addToShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddToShortlistInput, { description: 'The list, the structure and an optional note.' }) input: AddToShortlistInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.addToShortlist(ctx, input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Changes your note about a structure of one of your shortlists.' })
  async updateShortlistNote(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateShortlistNoteInput, { description: 'The list, the structure and the note.' }) input: UpdateShortlistNoteInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.updateShortlistNote(ctx, input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Removes a structure from one of your shortlists.' })
  async removeFromShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistEntrySelectorInput, { description: 'The list and the structure.' }) input: ShortlistEntrySelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.removeFromShortlist(ctx, input));
  }

  @Mutation(() => ShortlistPayload, {
    description: 'Makes a read-only link to one of your shortlists (`shareUrl`), for anyone who has it. Sharing a shared list keeps its link.',
  })
  async shareShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.shareShortlist(ctx, input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Stops sharing one of your shortlists: its link opens nothing from now on.' })
  async unshareShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShortlistSelectorInput, { description: 'The list.' }) input: ShortlistSelectorInput,
  ): Promise<ShortlistPayload> {
    return payload(await service.unshareShortlist(ctx, input));
  }

  @Mutation(() => MergeShortlistPayload, {
    description:
      'At sign-in: adds the structures of the anonymous shortlist kept by the browser to one of your lists (default: your first one, created as "Ma sélection" when you have none).',
  })
  async mergeShortlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MergeShortlistInput, { description: 'The structures and the list.' }) input: MergeShortlistInput,
  ): Promise<MergeShortlistPayload> {
    return Object.assign(new MergeShortlistPayload(), await service.mergeShortlist(ctx, input));
  }
}
