import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Viewer } from '../accounts/account.types.js';
import { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs.js';
import * as service from './api-key.service.js';
import { ApiKey, ApiKeyConnection, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.types.js';

@Resolver(() => Viewer)
export class ViewerApiKeysResolver {
  @FieldResolver(() => [ApiKey], { description: 'Your API keys, newest first, revoked ones included, with their use over 30 days.' })
  apiKeys(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return service.apiKeysOf(ctx, integerKeyOf(viewer.account.id, 'Account'));
  }
}

/** API keys of third-party programs (modules/api-keys/README.md). */
@Resolver()
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'Every API key with its owner and use, newest first. Admins only (UNAUTHENTICATED, FORBIDDEN).' })
  apiKeys(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs): Promise<ApiKeyConnection> {
    return service.allApiKeys(ctx, callerOf(ctx), page);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: `Creates an API key for the signed-in account (UNAUTHENTICATED otherwise; at most ${service.MAX_ACTIVE_KEYS} working keys). The key is in the payload, this once only.`,
  })
  async createApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'The new key.' }) input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayload> {
    return Object.assign(new CreateApiKeyPayload(), await service.createApiKey(ctx, callerOf(ctx), input));
  }

  @Mutation(() => RevokeApiKeyPayload, {
    description: 'Revokes an API key at once: the next request with it is refused (HTTP 401). Its owner or an admin only (FORBIDDEN otherwise).',
  })
  async revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key.' }) input: RevokeApiKeyInput,
  ): Promise<RevokeApiKeyPayload> {
    return Object.assign(new RevokeApiKeyPayload(), await service.revokeApiKey(ctx, callerOf(ctx), input));
  }
}
