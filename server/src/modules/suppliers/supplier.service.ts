import type { DataSource } from 'typeorm';
import { badUserInput } from '../../core/graphql/errors.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { normalizeSiret, siretError } from './siret.js';
import type { SupplierEntity } from './supplier.entity.js';
import { publishedSupplierBySiret, suppliersByIds } from './supplier.records.js';

export interface SupplierLookupDeps {
  db: DataSource;
}

/** A published supplier by global ID or SIRET (exactly one). */
export async function findSupplier(
  deps: SupplierLookupDeps,
  selector: { id?: string | null; siret?: string | null },
): Promise<SupplierEntity | null> {
  if ((selector.id == null) === (selector.siret == null)) throw badUserInput('Give exactly one of id and siret');
  if (selector.id != null) {
    const [entity] = await suppliersByIds(deps.db, [integerKeyOf(selector.id, 'Supplier')], 'PUBLISHED');
    return entity;
  }
  const siret = normalizeSiret(selector.siret!);
  const error = siretError(siret);
  if (error) throw badUserInput(`Invalid SIRET "${selector.siret}": ${error}`, 'siret');
  return publishedSupplierBySiret(deps.db, siret);
}
