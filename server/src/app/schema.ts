import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../modules/accounts/account.resolver.js';
import { ImportRunResolver } from '../modules/imports/import-run.resolver.js';
import { CategoryResolver, CategoryGroupResolver } from '../modules/categories/category.resolver.js';
import { SupplierClaimResolver } from '../modules/memberships/claim.resolver.js';
import { SupplierInvitationResolver } from '../modules/memberships/invitation.resolver.js';
import { SupplierMembershipResolver, SupplierMembersResolver, ViewerMembershipsResolver } from '../modules/memberships/membership.resolver.js';
import { SupplierProposalResolver } from '../modules/memberships/proposal.resolver.js';
import { ShortlistResolver, ViewerShortlistsResolver } from '../modules/shortlists/shortlist.resolver.js';
import { ApiKeyResolver, ViewerApiKeysResolver } from '../modules/api-keys/api-key.resolver.js';
import { ApiLimitsResolver } from '../modules/api-keys/api-limits.resolver.js';
import { NodeResolver } from '../modules/nodes/node.resolver.js';
import { OfferingResolver } from '../modules/offerings/offering.resolver.js';
import { ManagedOfferingsResolver, OfferingEditingResolver } from '../modules/offerings/offering-editing.resolver.js';
import { SupplierChangeLogResolver } from '../modules/audit/change-log.resolver.js';
import { SupplierProfileResolver } from '../modules/suppliers/supplier-profile.resolver.js';
import { SearchCapabilitiesResolver } from '../modules/search/search-capabilities.resolver.js';
import { RemovalResolver } from '../modules/sync/removal.resolver.js';
import { SmallPurchaseResolver } from '../modules/small-purchase/small-purchase.resolver.js';
import { PostalAddressResolver, ServiceAreaResolver, SupplierResolver } from '../modules/suppliers/supplier.resolver.js';
import { CommuneResolver, DepartementResolver, RegionResolver, TerritoryResolver } from '../modules/territories/territory.resolver.js';

/** The committed contract that third parties build on. */
export const CONTRACT_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');

export const RESOLVERS = [
  NodeResolver,
  SupplierResolver,
  PostalAddressResolver,
  ServiceAreaResolver,
  OfferingResolver,
  CategoryGroupResolver,
  CategoryResolver,
  TerritoryResolver,
  RegionResolver,
  DepartementResolver,
  CommuneResolver,
  SmallPurchaseResolver,
  SearchCapabilitiesResolver,
  RemovalResolver,
  AccountResolver,
  ImportRunResolver,
  SupplierProfileResolver,
  ManagedOfferingsResolver,
  OfferingEditingResolver,
  SupplierChangeLogResolver,
  ViewerMembershipsResolver,
  SupplierMembersResolver,
  SupplierMembershipResolver,
  SupplierClaimResolver,
  SupplierInvitationResolver,
  SupplierProposalResolver,
  ShortlistResolver,
  ViewerShortlistsResolver,
  ApiKeyResolver,
  ViewerApiKeysResolver,
  ApiLimitsResolver,
] as const;

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
  });
  // type-graphql has no option for the root type's description.
  schema.getQueryType()!.description =
    'Achat inclusif: the directory of French inclusive suppliers (SIAE, GEIQ, EA, EATT, ESAT), their offerings, the category taxonomy and French territories.';
  schema.getMutationType()!.description =
    'Changes. Business failures are in each payload\'s `userErrors`; with the session cookie, every mutation needs the `X-CSRF-Token` header (`viewer { csrfToken }`).';
  return schema;
}

/** The committed contract: sorted so that it diffs only when the API changes. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
