import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import { logoPath } from './supplier-logo.service.js';
import { UpdateSupplierProfileInput } from './supplier-profile.inputs.js';
import { updateSupplierProfile } from './supplier-profile.service.js';
import { profileCompleteness } from './supplier-profile.completeness.js';
import { ProfileCompleteness, UpdateSupplierProfilePayload } from './supplier-profile.types.js';
import { Supplier } from './supplier.types.js';

@Resolver(() => Supplier)
export class SupplierProfileResolver {
  @Query(() => Supplier, {
    nullable: true,
    description:
      'A supplier as its editors see it, published or not (a proposal awaiting approval included). Its members and admins only (UNAUTHENTICATED, FORBIDDEN); null when there is none.',
  })
  async managedSupplier(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID of the supplier.' }) id: string): Promise<Supplier | null> {
    const key = integerKeyOf(id, 'Supplier');
    requireSupplierAccess(ctx, key);
    const entity = await ctx.loaders.suppliers.managedSupplierById.load(key);
    return entity && Supplier.from(entity);
  }

  @Mutation(() => UpdateSupplierProfilePayload, {
    description:
      'Edits a structure\'s profile (omitted fields unchanged). Its members and admins only (UNAUTHENTICATED, FORBIDDEN). Edited fields are recorded in the change log and kept by later imports.',
  })
  async updateSupplierProfile(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateSupplierProfileInput, { description: 'The changes, with the version they start from.' }) input: UpdateSupplierProfileInput,
  ): Promise<UpdateSupplierProfilePayload> {
    const outcome = await updateSupplierProfile(ctx, callerOf(ctx), input);
    // Later fields of this request read the supplier as it now stands.
    if (outcome.supplier) ctx.loaders.suppliers.managedSupplierById.clear(outcome.supplier.id).prime(outcome.supplier.id, outcome.supplier);
    return Object.assign(new UpdateSupplierProfilePayload(), {
      supplier: outcome.supplier && Supplier.from(outcome.supplier),
      userErrors: outcome.userErrors,
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Path of the logo image (served with long caching: it changes with the image); null without a logo.' })
  async logoUrl(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Promise<string | null> {
    const logo = await ctx.loaders.logos.logoBySupplierId.load(supplier.key);
    return logo && logoPath(supplier.key, logo);
  }

  @FieldResolver(() => ProfileCompleteness, {
    nullable: true,
    description: 'How complete the profile is, for its editors: members and admins only (null with FORBIDDEN otherwise).',
  })
  async profileCompleteness(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Promise<ProfileCompleteness> {
    requireSupplierAccess(ctx, supplier.key);
    const [logo, offerings] = await Promise.all([
      ctx.loaders.logos.logoBySupplierId.load(supplier.key),
      ctx.loaders.offerings.offeringsBySupplierId.load(supplier.key),
    ]);
    return profileCompleteness(supplier, { logo: logo !== null, publishedOffering: offerings.length > 0 });
  }
}
