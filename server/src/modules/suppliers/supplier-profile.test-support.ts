import type { DataSource } from 'typeorm';
import { addMembership, signUpIn } from '../../test-support/accounts.js';
import type { TestBrowser, TestServer } from '../../test-support/test-server.js';

/** Tests only: the five roles of the authorization matrix, for one supplier. */
export interface Editors {
  anonymous: TestBrowser;
  buyer: TestBrowser;
  /** A member of another supplier. */
  outsider: TestBrowser;
  member: TestBrowser;
  admin: TestBrowser;
}

/** Tests only: a signed-in account acting for the suppliers (a supplier_membership row each). */
export async function signUpMember(server: TestServer, db: DataSource, supplierIds: number[], displayName = 'Camille Martin'): Promise<TestBrowser> {
  const browser = server.browser();
  const viewer = await signUpIn(browser, { role: 'SUPPLIER_MEMBER', displayName });
  for (const supplierId of supplierIds) await addMembership(db, viewer.account.email, supplierId, 'MEMBER');
  return browser;
}

export async function signUpEditors(server: TestServer, db: DataSource, supplierId: number, otherSupplierId: number): Promise<Editors> {
  const buyer = server.browser();
  await signUpIn(buyer, { role: 'BUYER' });
  const admin = server.browser();
  const adminViewer = await signUpIn(admin, { displayName: 'Équipe Achat inclusif' });
  await db.query(`UPDATE account SET role = 'ADMIN' WHERE email = $1`, [adminViewer.account.email]);
  return {
    anonymous: server.browser(),
    buyer,
    outsider: await signUpMember(server, db, [otherSupplierId], 'Autre structure'),
    member: await signUpMember(server, db, [supplierId]),
    admin,
  };
}
