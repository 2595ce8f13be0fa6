import type { DataSource, EntityManager } from 'typeorm';
import { InputCheck } from '../../core/graphql/input-check.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import type { Caller } from '../accounts/viewer.js';
import { ChangeAction, fieldChanges, recordChange } from '../audit/change-log.js';
import type { CategoryEntity } from '../categories/category.entities.js';
import { SelfEditableField } from './self-edited-fields.js';
import { ServiceAreaKind, type ServiceArea, type ServiceType } from './service-area.js';
import type { UpdateSupplierProfileInput } from './supplier-profile.inputs.js';
import {
  checkCategories, checkContactEmail, checkFrenchPhone, checkServiceArea, checkWebsite, DESCRIPTION_MAX_LENGTH,
} from './supplier-profile.rules.js';
import { SUPPLIER_TEXT_LIMITS } from './supplier-text-limits.js';
import { SupplierEntity } from './supplier.entity.js';
import { refreshSupplierSearch, suppliersByIds } from './supplier.records.js';

export const HEADCOUNT = { min: 0, max: 100_000 } as const;
export const MAX_TAGS = 20;
export const TAG_MAX_LENGTH = SUPPLIER_TEXT_LIMITS.tag;
export const MAX_DECLARED_CATEGORIES = 20;

/** What a structure edits of its profile, as the change log records it. */
interface Profile {
  description: string;
  brandName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  headcount: number | null;
  serviceTypes: ServiceType[];
  serviceArea: ServiceArea;
  tags: string[];
  /** Names of the declared categories, sorted. */
  categories: string[];
}

/** Imports keep these fields once edited (headcount is not imported, so it is not listed). */
const SELF_EDITED: Partial<Record<keyof Profile, SelfEditableField>> = {
  description: SelfEditableField.DESCRIPTION,
  brandName: SelfEditableField.BRAND_NAME,
  email: SelfEditableField.EMAIL,
  phone: SelfEditableField.PHONE,
  website: SelfEditableField.WEBSITE,
  serviceTypes: SelfEditableField.SERVICE_TYPES,
  serviceArea: SelfEditableField.SERVICE_AREA,
  tags: SelfEditableField.TAGS,
  categories: SelfEditableField.CATEGORIES,
};

/** What profile editing uses. */
export interface SupplierProfileDeps {
  db: DataSource;
}

export interface ProfileOutcome {
  /** The supplier as it stands after the call (null when it does not exist). */
  supplier: SupplierEntity | null;
  userErrors: UserError[];
}

function profileOf(entity: SupplierEntity, categories: CategoryEntity[]): Profile {
  return {
    description: entity.description,
    brandName: entity.brandName,
    email: entity.email,
    phone: entity.phone,
    website: entity.website,
    headcount: entity.headcount,
    serviceTypes: [...entity.serviceTypes].sort(),
    serviceArea: {
      kind: entity.serviceAreaKind,
      regionCodes: entity.serviceAreaRegionCodes,
      departementCodes: entity.serviceAreaDepartementCodes,
      radiusKm: entity.serviceAreaRadiusKm,
    },
    tags: entity.tags,
    categories: categories.map((category) => category.name).sort(),
  };
}

/** Checks the given fields; returns the values to store (omitted fields absent) and the categories. */
async function checkProfileInput(
  db: DataSource,
  input: UpdateSupplierProfileInput,
): Promise<{ check: InputCheck; changes: Partial<Profile>; categories: CategoryEntity[] | undefined }> {
  const check = new InputCheck();
  const changes: Partial<Profile> = {};
  if (input.description !== undefined) {
    const value = check.text(['description'], input.description ?? '', { label: 'La présentation', max: DESCRIPTION_MAX_LENGTH, multiline: true });
    if (value !== null) changes.description = value;
  }
  if (input.brandName !== undefined) {
    const value = check.text(['brandName'], input.brandName ?? '', { label: 'Le nom commercial', max: SUPPLIER_TEXT_LIMITS.brandName });
    if (value !== null) changes.brandName = value || null;
  }
  const contact = [
    ['email', checkContactEmail],
    ['phone', checkFrenchPhone],
    ['website', checkWebsite],
  ] as const;
  for (const [field, checkField] of contact) {
    if (input[field] === undefined) continue;
    const value = checkField(check, [field], input[field] ?? '');
    if (value !== undefined) changes[field] = value;
  }
  if (input.headcount !== undefined) {
    if (input.headcount === null) changes.headcount = null;
    else {
      const value = check.integer(['headcount'], input.headcount, HEADCOUNT, 'L’effectif doit être un nombre entier entre 0 et 100 000.');
      if (value !== null) changes.headcount = value;
    }
  }
  if (input.serviceTypes !== undefined) changes.serviceTypes = [...new Set(input.serviceTypes ?? [])].sort();
  if (input.tags !== undefined) {
    const tags = input.tags ?? [];
    if (tags.length > MAX_TAGS) check.fail(['tags'], UserErrorCode.TOO_LONG, `Indiquez au plus ${MAX_TAGS} réseaux et labels.`);
    const cleaned = tags.map((tag, index) =>
      check.text(['tags', String(index)], tag, { label: `Le réseau ou label n° ${index + 1}`, max: TAG_MAX_LENGTH, required: true }),
    );
    if (cleaned.every((tag) => tag !== null)) changes.tags = [...new Set(cleaned as string[])];
  }
  if (input.serviceArea != null) {
    const area = await checkServiceArea(db, check, ['serviceArea'], input.serviceArea);
    if (area) changes.serviceArea = area;
  } else if (input.serviceArea === null) {
    check.fail(['serviceArea'], UserErrorCode.BLANK, 'Indiquez la zone d’intervention.');
  }
  let categories: CategoryEntity[] | undefined;
  if (input.categoryIds !== undefined) {
    const ids = input.categoryIds ?? [];
    if (ids.length > MAX_DECLARED_CATEGORIES) {
      check.fail(['categoryIds'], UserErrorCode.TOO_LONG, `Choisissez au plus ${MAX_DECLARED_CATEGORIES} secteurs d’activité.`);
    } else {
      categories = (await checkCategories(db, check, ['categoryIds'], ids)) ?? undefined;
      if (categories) changes.categories = categories.map((category) => category.name).sort();
    }
  }
  return { check, changes, categories };
}

async function declaredCategories(manager: EntityManager, supplierId: number): Promise<CategoryEntity[]> {
  const supplier = await manager.getRepository(SupplierEntity).findOne({ where: { id: supplierId }, relations: { declaredCategories: true } });
  return supplier?.declaredCategories ?? [];
}

/** The supplier, published or not, read afresh (after a write, or to show what changed). */
async function currentSupplier(db: DataSource, supplierId: number): Promise<SupplierEntity | null> {
  const [supplier] = await suppliersByIds(db, [supplierId], 'ANY');
  return supplier;
}

export const STALE_SUPPLIER_MESSAGE =
  'Quelqu’un a modifié cette fiche depuis que vous l’avez ouverte : rien n’a été enregistré. Vérifiez ses nouvelles valeurs, puis enregistrez à nouveau.';

/**
 * Applies a partial profile edit: checked, then written only from the version the editor
 * read (the row is locked to compare), with the change log, the self-edited fields that
 * imports keep, and the search projection in the same transaction.
 */
export async function updateSupplierProfile(deps: SupplierProfileDeps, caller: Caller, input: UpdateSupplierProfileInput): Promise<ProfileOutcome> {
  const supplierId = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  const viewer = requireSupplierAccess(caller, supplierId);
  const { check, changes, categories } = await checkProfileInput(deps.db, input);
  if (!check.ok) return { supplier: await currentSupplier(deps.db, supplierId), userErrors: check.errors };

  const failure = await deps.db.transaction(async (manager): Promise<UserError | null> => {
    const entity = await manager.getRepository(SupplierEntity).findOne({ where: { id: supplierId }, lock: { mode: 'pessimistic_write' } });
    if (!entity) return UserError.of('supplierId', UserErrorCode.NOT_FOUND, 'Cette structure n’existe pas.');
    if (entity.version !== input.version) return UserError.of('version', UserErrorCode.STALE_VERSION, STALE_SUPPLIER_MESSAGE);
    if (changes.serviceArea?.kind === ServiceAreaKind.RADIUS && entity.latitude === null) {
      return UserError.of(['serviceArea', 'kind'], UserErrorCode.NOT_ALLOWED_NOW,
        'La position de votre structure est inconnue : choisissez plutôt des départements ou des régions.');
    }
    const diff = fieldChanges(profileOf(entity, await declaredCategories(manager, supplierId)), changes);
    const changed = Object.keys(diff) as (keyof Profile)[];
    if (changed.length === 0) return null;

    const area = diff.serviceArea ? changes.serviceArea! : null;
    const edited = changed.map((field) => SELF_EDITED[field]).filter((field): field is SelfEditableField => field !== undefined);
    await manager.update(SupplierEntity, { id: supplierId }, {
      ...(diff.description ? { description: changes.description } : {}),
      ...(diff.brandName ? { brandName: changes.brandName } : {}),
      ...(diff.email ? { email: changes.email } : {}),
      ...(diff.phone ? { phone: changes.phone } : {}),
      ...(diff.website ? { website: changes.website } : {}),
      ...(diff.headcount ? { headcount: changes.headcount } : {}),
      ...(diff.serviceTypes ? { serviceTypes: changes.serviceTypes } : {}),
      ...(diff.tags ? { tags: changes.tags } : {}),
      ...(area
        ? {
            serviceAreaKind: area.kind,
            serviceAreaRegionCodes: area.regionCodes,
            serviceAreaDepartementCodes: area.departementCodes,
            serviceAreaRadiusKm: area.radiusKm,
          }
        : {}),
      selfEditedFields: [...new Set([...entity.selfEditedFields, ...edited])],
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    });
    if (diff.categories) {
      await manager.query('DELETE FROM supplier_category WHERE supplier_id = $1', [supplierId]);
      await manager.query('INSERT INTO supplier_category (supplier_id, category_id) SELECT $1, unnest($2::int[])', [
        supplierId,
        categories!.map((category) => category.id),
      ]);
    }
    await recordChange(manager, { accountId: viewer.accountId, supplierId, action: ChangeAction.SUPPLIER_PROFILE_UPDATED, changes: diff });
    await refreshSupplierSearch(manager, [supplierId]);
    return null;
  });
  return { supplier: await currentSupplier(deps.db, supplierId), userErrors: failure ? [failure] : [] };
}
