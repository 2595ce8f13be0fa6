import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';

@ObjectType('SearchCapabilities', { description: 'What searches this deployment can run, given the data it has loaded.' })
export class SearchCapabilities {
  @Field({
    description: 'False when commune centres are not loaded: radius filters, `origin`, DISTANCE ordering and distances are then unavailable (FEATURE_UNAVAILABLE).',
  })
  radiusSearchAvailable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why something is unavailable, in plain words; null when everything is available.' })
  message!: string | null;
}

@Resolver()
export class SearchCapabilitiesResolver {
  @Query(() => SearchCapabilities, { description: 'What searches this deployment can run.' })
  searchCapabilities(@Ctx() ctx: RequestContext): SearchCapabilities {
    const available = ctx.capabilities.radiusSearchAvailable;
    return Object.assign(new SearchCapabilities(), {
      radiusSearchAvailable: available,
      message: available ? null : 'Radius search and distances are unavailable: commune centres are not loaded on this server.',
    });
  }
}
