import type { DataSource, EntityManager } from 'typeorm';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type PageInfo } from '../../core/graphql/pagination.js';
import { UserError, UserErrorCode } from '../../core/graphql/user-error.js';
import { requireSupplierAccess, requireViewer } from '../accounts/authorization.js';
import type { Caller } from '../accounts/viewer.js';
import { ChangeAction, fieldChanges, recordChange } from '../audit/change-log.js';
import { CategoryEntity } from '../categories/category.entities.js';
import type { ServiceArea, ServiceType } from '../suppliers/service-area.js';
import { InputCheck } from '../../core/graphql/input-check.js';
import { checkCategories, checkServiceArea, DESCRIPTION_MAX_LENGTH } from '../suppliers/supplier-profile.rules.js';
import { refreshSupplierSearch, supplierExists } from '../suppliers/supplier.records.js';
import type { CreateOfferingInput, OfferingDetailsInput, OfferingStatusInput, UpdateOfferingInput } from './offering-editing.inputs.js';
import { OfferingEntity } from './offering.entity.js';
import { OfferingStatus, offeringStatusOf } from './offering.types.js';
import type { PriceUnit } from './price-unit.js';

/** Amounts in € HT fit numeric(12, 2), and more than ten million is a typing mistake. */
export const AMOUNT_LIMIT = 10_000_000;
export const LEAD_TIME_DAYS = { min: 0, max: 365 } as const;
export const TITLE_LENGTH = { min: 3, max: 120 } as const;

/** What an editor sets on an offering, as the change log records it. */
interface OfferingValues {
  title: string;
  description: string;
  /** Category name in the log; its id is kept apart. */
  category: string;
  serviceType: ServiceType;
  price: { from: number; to: number | null; unit: PriceUnit } | null;
  minimumOrderAmount: number | null;
  leadTimeDays: number | null;
  serviceArea: ServiceArea | null;
}

/** What offering editing uses. */
export interface OfferingEditingDeps {
  db: DataSource;
}

export interface OfferingOutcome {
  offering: OfferingEntity | null;
  userErrors: UserError[];
}

export const STALE_OFFERING_MESSAGE =
  'Quelqu’un a modifié cette offre depuis que vous l’avez ouverte : rien n’a été enregistré. Vérifiez ses nouvelles valeurs, puis enregistrez à nouveau.';

function valuesOf(entity: OfferingEntity, categoryName: string): OfferingValues {
  return {
    title: entity.title,
    description: entity.description,
    category: categoryName,
    serviceType: entity.serviceType,
    price: entity.priceFrom === null || entity.priceUnit === null ? null : { from: entity.priceFrom, to: entity.priceTo, unit: entity.priceUnit },
    minimumOrderAmount: entity.minimumOrderAmount,
    leadTimeDays: entity.leadTimeDays,
    serviceArea:
      entity.serviceAreaKind === null
        ? null
        : {
            kind: entity.serviceAreaKind,
            regionCodes: entity.serviceAreaRegionCodes,
            departementCodes: entity.serviceAreaDepartementCodes,
            radiusKm: entity.serviceAreaRadiusKm,
          },
  };
}

/** The columns of the given values. */
function columnsOf(values: Partial<OfferingValues>, category: CategoryEntity | undefined): Partial<OfferingEntity> {
  return {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(category ? { categoryId: category.id } : {}),
    ...(values.serviceType !== undefined ? { serviceType: values.serviceType } : {}),
    ...(values.price !== undefined
      ? { priceFrom: values.price?.from ?? null, priceTo: values.price?.to ?? null, priceUnit: values.price?.unit ?? null }
      : {}),
    ...(values.minimumOrderAmount !== undefined ? { minimumOrderAmount: values.minimumOrderAmount } : {}),
    ...(values.leadTimeDays !== undefined ? { leadTimeDays: values.leadTimeDays } : {}),
    ...(values.serviceArea !== undefined
      ? {
          serviceAreaKind: values.serviceArea?.kind ?? null,
          serviceAreaRegionCodes: values.serviceArea?.regionCodes ?? [],
          serviceAreaDepartementCodes: values.serviceArea?.departementCodes ?? [],
          serviceAreaRadiusKm: values.serviceArea?.radiusKm ?? null,
        }
      : {}),
  };
}

/** An amount in € HT, rounded to the cent; undefined after a failure. */
function checkAmount(check: InputCheck, field: string[], amount: number, label: string): number | undefined {
  if (!Number.isFinite(amount) || amount < 0 || amount >= AMOUNT_LIMIT) {
    check.fail(field, UserErrorCode.OUT_OF_RANGE, `${label} doit être compris entre 0 et 9 999 999,99 € HT.`);
    return undefined;
  }
  return Math.round(amount * 100) / 100;
}

/** Checks the given fields (title, category and service type only when given). */
async function checkDetails(
  db: DataSource,
  input: OfferingDetailsInput & { title?: string | null; categoryId?: string | null; serviceType?: ServiceType | null },
): Promise<{ check: InputCheck; values: Partial<OfferingValues>; category: CategoryEntity | undefined }> {
  const check = new InputCheck();
  const values: Partial<OfferingValues> = {};
  if (input.title != null) {
    const title = check.text(['title'], input.title, { label: 'Le titre', ...TITLE_LENGTH, required: true });
    if (title !== null) values.title = title;
  } else if (input.title === null) check.fail(['title'], UserErrorCode.BLANK, 'Le titre est obligatoire.');
  if (input.description !== undefined) {
    const description = check.text(['description'], input.description ?? '', { label: 'La description', max: DESCRIPTION_MAX_LENGTH, multiline: true });
    if (description !== null) values.description = description;
  }
  let category: CategoryEntity | undefined;
  if (input.categoryId != null) {
    const [found] = (await checkCategories(db, check, ['categoryId'], [input.categoryId])) ?? [];
    // checkCategories reports at ['categoryId', '0']: one category here, so at its field.
    for (const error of check.errors) if (error.field?.[0] === 'categoryId') error.field = ['categoryId'];
    if (found) {
      category = found;
      values.category = found.name;
    }
  } else if (input.categoryId === null) check.fail(['categoryId'], UserErrorCode.BLANK, 'Choisissez une catégorie.');
  if (input.serviceType != null) values.serviceType = input.serviceType;
  else if (input.serviceType === null) check.fail(['serviceType'], UserErrorCode.BLANK, 'Choisissez le type de prestation.');
  if (input.price === null) values.price = null;
  else if (input.price !== undefined) {
    const from = checkAmount(check, ['price', 'from'], input.price.from, 'Le prix');
    const to = input.price.to == null ? null : checkAmount(check, ['price', 'to'], input.price.to, 'Le prix maximum');
    if (from !== undefined && to != null && to < from) {
      check.fail(['price', 'to'], UserErrorCode.OUT_OF_RANGE, 'Le prix maximum doit être supérieur ou égal au prix minimum.');
    }
    if (!input.price.unit) check.fail(['price', 'unit'], UserErrorCode.BLANK, 'Indiquez à quoi correspond le prix (forfait, heure, jour…).');
    if (from !== undefined && to !== undefined && input.price.unit) values.price = { from, to, unit: input.price.unit };
  }
  if (input.minimumOrderAmount !== undefined) {
    const amount = input.minimumOrderAmount === null ? null : checkAmount(check, ['minimumOrderAmount'], input.minimumOrderAmount, 'Le minimum de commande');
    if (amount !== undefined) values.minimumOrderAmount = amount;
  }
  if (input.leadTimeDays !== undefined) {
    const days =
      input.leadTimeDays === null
        ? null
        : check.integer(['leadTimeDays'], input.leadTimeDays, LEAD_TIME_DAYS, 'Le délai doit être un nombre entier de jours entre 0 et 365.');
    if (days !== null || input.leadTimeDays === null) values.leadTimeDays = days;
  }
  if (input.serviceArea === null) values.serviceArea = null;
  else if (input.serviceArea !== undefined) {
    const area = await checkServiceArea(db, check, ['serviceArea'], input.serviceArea);
    if (area) values.serviceArea = area;
  }
  return { check, values, category };
}

async function categoryName(manager: EntityManager, categoryId: number): Promise<string> {
  return (await manager.getRepository(CategoryEntity).findOneByOrFail({ id: categoryId })).name;
}

async function offeringById(db: DataSource, offeringId: number): Promise<OfferingEntity | null> {
  return db.getRepository(OfferingEntity).findOneBy({ id: offeringId });
}

/** Creates a draft: nothing changes for buyers until it is published. */
export async function createOffering(deps: OfferingEditingDeps, caller: Caller, input: CreateOfferingInput): Promise<OfferingOutcome> {
  const supplierId = integerKeyOf(input.supplierId, 'Supplier', 'supplierId');
  const viewer = requireSupplierAccess(caller, supplierId);
  if (!(await supplierExists(deps.db, supplierId))) {
    return { offering: null, userErrors: [UserError.of('supplierId', UserErrorCode.NOT_FOUND, 'Cette structure n’existe pas.')] };
  }
  const { check, values, category } = await checkDetails(deps.db, input);
  if (!check.ok) return { offering: null, userErrors: check.errors };
  const offeringId = await deps.db.transaction(async (manager) => {
    const inserted = await manager.insert(OfferingEntity, {
      supplierId,
      description: '',
      ...columnsOf(values, category),
      published: false,
      firstPublishedAt: null,
    });
    const id = inserted.identifiers[0].id as number;
    const empty = { title: null, description: null, category: null, serviceType: null, price: null, minimumOrderAmount: null, leadTimeDays: null, serviceArea: null };
    await recordChange(manager, {
      accountId: viewer.accountId,
      supplierId,
      offeringId: id,
      action: ChangeAction.OFFERING_CREATED,
      changes: fieldChanges(empty as unknown as OfferingValues, values),
    });
    await refreshSupplierSearch(manager, [supplierId]);
    return id;
  });
  return { offering: await offeringById(deps.db, offeringId), userErrors: [] };
}

/**
 * The offering to change and the viewer's right to: UNAUTHENTICATED, FORBIDDEN, or a
 * NOT_FOUND user error for an offering that does not exist.
 */
async function editableOffering(db: DataSource, caller: Caller, id: string): Promise<{ offering: OfferingEntity; accountId: number } | UserError> {
  const offeringId = integerKeyOf(id, 'Offering', 'offeringId');
  const offering = await offeringById(db, offeringId);
  if (!offering) {
    requireViewer(caller);
    return UserError.of('offeringId', UserErrorCode.NOT_FOUND, 'Cette offre n’existe pas.');
  }
  return { offering, accountId: requireSupplierAccess(caller, offering.supplierId).accountId };
}

/** Locks the offering and checks the version read; the failure to report, if any. */
async function lockAt(manager: EntityManager, offeringId: number, version: number): Promise<OfferingEntity | UserError> {
  const locked = await manager.getRepository(OfferingEntity).findOne({ where: { id: offeringId }, lock: { mode: 'pessimistic_write' } });
  if (!locked) return UserError.of('offeringId', UserErrorCode.NOT_FOUND, 'Cette offre n’existe pas.');
  if (locked.version !== version) return UserError.of('version', UserErrorCode.STALE_VERSION, STALE_OFFERING_MESSAGE);
  return locked;
}

export async function updateOffering(deps: OfferingEditingDeps, caller: Caller, input: UpdateOfferingInput): Promise<OfferingOutcome> {
  const target = await editableOffering(deps.db, caller, input.offeringId);
  if (target instanceof UserError) return { offering: null, userErrors: [target] };
  const { offering, accountId } = target;
  const { check, values, category } = await checkDetails(deps.db, input);
  if (!check.ok) return { offering, userErrors: check.errors };
  const failure = await deps.db.transaction(async (manager): Promise<UserError | null> => {
    const locked = await lockAt(manager, offering.id, input.version);
    if (locked instanceof UserError) return locked;
    if (locked.archivedAt) return UserError.of(null, UserErrorCode.NOT_ALLOWED_NOW, 'Cette offre est archivée : elle ne peut plus être modifiée.');
    const diff = fieldChanges(valuesOf(locked, await categoryName(manager, locked.categoryId)), values);
    if (Object.keys(diff).length === 0) return null;
    await manager.update(OfferingEntity, { id: locked.id }, {
      ...columnsOf(values, category),
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    });
    await recordChange(manager, { accountId, supplierId: locked.supplierId, offeringId: locked.id, action: ChangeAction.OFFERING_UPDATED, changes: diff });
    await refreshSupplierSearch(manager, [locked.supplierId]);
    return null;
  });
  return { offering: await offeringById(deps.db, offering.id), userErrors: failure ? [failure] : [] };
}

const TRANSITIONS = {
  publish: { action: ChangeAction.OFFERING_PUBLISHED, to: OfferingStatus.PUBLISHED },
  unpublish: { action: ChangeAction.OFFERING_UNPUBLISHED, to: OfferingStatus.UNPUBLISHED },
  archive: { action: ChangeAction.OFFERING_ARCHIVED, to: OfferingStatus.ARCHIVED },
} as const;

/**
 * Publishes, withdraws or archives an offering. Already there: nothing to do. An archived
 * offering stays archived (NOT_ALLOWED_NOW); a draft is never "withdrawn".
 */
export async function changeOfferingStatus(
  deps: OfferingEditingDeps,
  caller: Caller,
  input: OfferingStatusInput,
  transition: keyof typeof TRANSITIONS,
): Promise<OfferingOutcome> {
  const target = await editableOffering(deps.db, caller, input.offeringId);
  if (target instanceof UserError) return { offering: null, userErrors: [target] };
  const { offering, accountId } = target;
  const { action, to } = TRANSITIONS[transition];
  const failure = await deps.db.transaction(async (manager): Promise<UserError | null> => {
    const locked = await lockAt(manager, offering.id, input.version);
    if (locked instanceof UserError) return locked;
    const from = offeringStatusOf(locked);
    if (from === to || (from === OfferingStatus.DRAFT && to === OfferingStatus.UNPUBLISHED)) return null;
    if (from === OfferingStatus.ARCHIVED) {
      return UserError.of(null, UserErrorCode.NOT_ALLOWED_NOW, 'Cette offre est archivée : elle ne peut plus être publiée ni modifiée.');
    }
    await manager.update(OfferingEntity, { id: locked.id }, {
      published: to === OfferingStatus.PUBLISHED,
      ...(to === OfferingStatus.PUBLISHED && !locked.firstPublishedAt ? { firstPublishedAt: () => 'now()' } : {}),
      ...(to === OfferingStatus.ARCHIVED ? { archivedAt: () => 'now()' } : {}),
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    });
    await recordChange(manager, { accountId, supplierId: locked.supplierId, offeringId: locked.id, action, changes: { status: { from, to } } });
    await refreshSupplierSearch(manager, [locked.supplierId]);
    return null;
  });
  return { offering: await offeringById(deps.db, offering.id), userErrors: failure ? [failure] : [] };
}

const MANAGED_ORDERING = 'managedOfferings:newest';

/** SQL condition of each status (see offeringStatusOf). */
const STATUS_SQL: Record<OfferingStatus, string> = {
  [OfferingStatus.ARCHIVED]: 'o.archived_at IS NOT NULL',
  [OfferingStatus.PUBLISHED]: 'o.published',
  [OfferingStatus.UNPUBLISHED]: 'NOT o.published AND o.archived_at IS NULL AND o.first_published_at IS NOT NULL',
  [OfferingStatus.DRAFT]: 'NOT o.published AND o.archived_at IS NULL AND o.first_published_at IS NULL',
};

export interface ManagedOfferingsArgs {
  first?: number | null;
  after?: string | null;
  /** Only these statuses; none or empty: all but ARCHIVED. */
  statuses?: OfferingStatus[] | null;
}

export interface ManagedOfferingsPage {
  edges: { cursor: string; node: OfferingEntity }[];
  pageInfo: PageInfo;
  countAll: () => Promise<number>;
}

/**
 * All the offerings of a supplier, newest first, whatever their status: for its members and
 * admins only (UNAUTHENTICATED, FORBIDDEN).
 */
export async function managedOfferings(deps: OfferingEditingDeps, caller: Caller, supplierId: number, args: ManagedOfferingsArgs): Promise<ManagedOfferingsPage> {
  requireSupplierAccess(caller, supplierId);
  const limit = pageSizeOf(args.first);
  const [afterCreatedAt, afterId] = args.after ? decodeCursor(args.after, MANAGED_ORDERING, ['timestamptz', 'int4']) : [null, null];
  const wanted = args.statuses?.length ? args.statuses : [OfferingStatus.DRAFT, OfferingStatus.PUBLISHED, OfferingStatus.UNPUBLISHED];
  const query = () =>
    deps.db
      .getRepository(OfferingEntity)
      .createQueryBuilder('o')
      .where('o.supplier_id = :supplierId', { supplierId })
      .andWhere(`(${[...new Set(wanted)].map((status) => STATUS_SQL[status]).join(' OR ')})`);
  const pageQuery = query().orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').take(limit + 1);
  if (args.after) pageQuery.andWhere('(o.created_at, o.id) < (:afterCreatedAt::timestamptz, :afterId)', { afterCreatedAt, afterId });
  const rows = limit === 0 ? [] : await pageQuery.getMany();
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor(MANAGED_ORDERING, [row.createdAt.toISOString(), row.id]), node: row }));
  return {
    edges,
    pageInfo: pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, args.after),
    countAll: () => query().getCount(),
  };
}
