import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { normalizeSiret, siretError } from './siret.js';
import { SupplierEntity } from './supplier.entity.js';

/** A published supplier by global ID or SIRET (exactly one). */
export async function findSupplier(
  ctx: RequestContext,
  selector: { id?: string | null; siret?: string | null },
): Promise<SupplierEntity | null> {
  if ((selector.id == null) === (selector.siret == null)) throw badUserInput('Give exactly one of id and siret');
  if (selector.id != null) return ctx.loaders.suppliers.supplierById.load(integerKeyOf(selector.id, 'Supplier'));
  const siret = normalizeSiret(selector.siret!);
  const error = siretError(siret);
  if (error) throw badUserInput(`Invalid SIRET "${selector.siret}": ${error}`, 'siret');
  const entity = await ctx.db.getRepository(SupplierEntity).findOne({ where: { siret, published: true }, relations: { search: true } });
  if (entity) ctx.loaders.suppliers.supplierById.prime(entity.id, entity);
  return entity;
}
