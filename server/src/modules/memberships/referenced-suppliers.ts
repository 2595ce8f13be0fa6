import type { SupplierEntity } from '../suppliers/supplier.entity.js';
import type { SupplierLoaders } from '../suppliers/supplier.loaders.js';
import { Supplier } from '../suppliers/supplier.types.js';

/*
 * Suppliers that claims, invitations, memberships and proposals point to, read by their
 * resolvers through the request's loaders (batched).
 */

type Loaders = { suppliers: SupplierLoaders };

/** A supplier referenced by a claim, an invitation, a membership or a proposal: published or not. */
export async function referencedSupplier(loaders: Loaders, supplierKey: number): Promise<Supplier> {
  const entity = await loaders.suppliers.managedSupplierById.load(supplierKey);
  return Supplier.from(entity!);
}

/** Published suppliers only (unknown or unpublished ones are left out), in the order given. */
export async function publishedSuppliers(loaders: Loaders, ids: number[]): Promise<Supplier[]> {
  const entities = await loaders.suppliers.supplierById.loadMany(ids);
  return entities.filter((entity): entity is SupplierEntity => entity !== null && !(entity instanceof Error)).map((entity) => Supplier.from(entity));
}
