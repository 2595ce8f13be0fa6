import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from '../core/database/data-source.js';
import { InitialDirectory1764000000000 } from '../core/database/migrations/1764000000000-initial-directory.js';
import { DirectoryVersion1764050000000 } from '../core/database/migrations/1764050000000-directory-version.js';
import { Imports1764100000000 } from '../core/database/migrations/1764100000000-imports.js';
import { Accounts1764300000000 } from '../core/database/migrations/1764300000000-accounts.js';
import { ClaimCodeSends1764410000000 } from '../core/database/migrations/1764410000000-claim-code-sends.js';
import { SelfService1764400000000 } from '../core/database/migrations/1764400000000-self-service.js';
import { OfferingFirstPublication1764420000000 } from '../core/database/migrations/1764420000000-offering-first-publication.js';
import { ApiKeys1764500000000 } from '../core/database/migrations/1764500000000-api-keys.js';
import { Sync1764510000000 } from '../core/database/migrations/1764510000000-sync.js';
import { DirectoryIndex1764600000000 } from '../core/database/migrations/1764600000000-directory-index.js';
import { ImportSourceUrl1764710000000 } from '../core/database/migrations/1764710000000-import-source-url.js';
import { ClaimCodeLimits1764720000000 } from '../core/database/migrations/1764720000000-claim-code-limits.js';
import { ImportDuplicates1764730000000 } from '../core/database/migrations/1764730000000-import-duplicates.js';
import { ChangeLogEntity } from '../modules/audit/change-log.entity.js';
import { AccountEntity } from '../modules/accounts/account.entity.js';
import { AccountSessionEntity } from '../modules/accounts/account-session.entity.js';
import { AccountTokenEntity } from '../modules/accounts/account-token.entity.js';
import { SupplierMembershipEntity } from '../modules/accounts/supplier-membership.entity.js';
import { ShortlistEntity, ShortlistEntryEntity } from '../modules/shortlists/shortlist.entity.js';
import { CategoryEntity, CategoryGroupEntity } from '../modules/categories/category.entities.js';
import { ImportRunEntity } from '../modules/imports/import-run.entity.js';
import { MailOutboxEntity } from '../modules/mail/mail-outbox.entity.js';
import { OfferingEntity } from '../modules/offerings/offering.entity.js';
import { SupplierSearchEntity } from '../modules/search/supplier-search.entity.js';
import { SupplierEntity } from '../modules/suppliers/supplier.entity.js';
import { CommuneEntity, DepartementEntity, RegionEntity } from '../modules/territories/territory.entities.js';

export const ENTITIES = [
  RegionEntity,
  DepartementEntity,
  CommuneEntity,
  CategoryGroupEntity,
  CategoryEntity,
  SupplierEntity,
  SupplierSearchEntity,
  OfferingEntity,
  ImportRunEntity,
  AccountEntity,
  SupplierMembershipEntity,
  ShortlistEntity,
  ShortlistEntryEntity,
  AccountSessionEntity,
  AccountTokenEntity,
  MailOutboxEntity,
  ChangeLogEntity,
];

/** The migration log, oldest first; append only. */
export const MIGRATIONS = [
  InitialDirectory1764000000000,
  DirectoryVersion1764050000000,
  Imports1764100000000,
  Accounts1764300000000,
  SelfService1764400000000,
  ClaimCodeSends1764410000000,
  OfferingFirstPublication1764420000000,
  ApiKeys1764500000000,
  Sync1764510000000,
  DirectoryIndex1764600000000,
  ImportSourceUrl1764710000000,
  ClaimCodeLimits1764720000000,
  ImportDuplicates1764730000000,
];

export function createAppDataSource(
  url: string,
  options: Pick<DataSourceOptions, 'printQueries' | 'poolSize' | 'statementTimeoutMs' | 'connectTimeoutMs'> = {},
): DataSource {
  return createDataSource({ url, entities: ENTITIES, migrations: MIGRATIONS, ...options });
}
