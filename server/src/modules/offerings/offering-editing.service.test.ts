import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { signedIn } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer } from '../../test-support/test-server.js';
import { AccountRole } from '../accounts/account.entity.js';
import type { Caller } from '../accounts/viewer.js';
import { supplierChangeLog } from '../audit/change-log.service.js';
import { changeOfferingStatus, createOffering, managedOfferings } from './offering-editing.service.js';
import { ServiceType } from '../suppliers/service-area.js';
import { OfferingStatus } from './offering.types.js';

/** The services need no GraphQL request: a script calls them with a database and a caller (issue 15). */

const app = useTestServer();
let supplierId: number;
let admin: Caller;
const anonymous: Caller = { viewer: null, ip: 'local' };

beforeAll(async () => {
  supplierId = await insertSupplier(app.database.db, { legalName: 'Atelier hors requête' });
  const { email } = await signedIn(app.server, app.database.db, 'ADMIN', 'Script de reprise');
  const [{ id: accountId }]: { id: number }[] = await app.database.db.query('SELECT id FROM account WHERE email = $1', [email]);
  admin = {
    ip: 'local',
    viewer: {
      accountId,
      email,
      displayName: 'Script de reprise',
      role: AccountRole.ADMIN,
      emailVerifiedAt: null,
      createdAt: new Date(),
      memberships: [],
      sessionId: Buffer.alloc(32),
      csrfToken: '',
    },
  };
});

const draft = (title: string) => ({
  supplierId: toGlobalId('Supplier', supplierId),
  title,
  categoryId: toGlobalId('Category', 'entretien-espaces-verts'),
  serviceType: ServiceType.SERVICES,
});

describe('offering editing without a request', () => {
  it('creates, publishes, lists and logs with plain arguments', async () => {
    const deps = { db: app.database.db };
    const created = await createOffering(deps, admin, draft('Reprise de données'));
    expect(created.userErrors).toEqual([]);
    const offering = created.offering!;
    const published = await changeOfferingStatus(deps, admin, { offeringId: toGlobalId('Offering', offering.id), version: offering.version }, 'publish');
    expect(published).toMatchObject({ offering: { published: true }, userErrors: [] });

    const page = await managedOfferings(deps, admin, supplierId, { statuses: [OfferingStatus.PUBLISHED] });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([offering.id]);
    expect(await page.countAll()).toBe(1);
    const log = await supplierChangeLog(deps, admin, supplierId, { first: 10 });
    expect(log.edges.map((edge) => [edge.node.action, edge.node.authorName])).toEqual([
      ['OFFERING_PUBLISHED', 'Script de reprise'],
      ['OFFERING_CREATED', 'Script de reprise'],
    ]);
  });

  it('refuses an anonymous caller as the API does', async () => {
    await expect(createOffering({ db: app.database.db }, anonymous, draft('Anonyme'))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(managedOfferings({ db: app.database.db }, anonymous, supplierId, {})).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
