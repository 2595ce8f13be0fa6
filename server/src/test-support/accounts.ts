import type { DataSource } from 'typeorm';
import type { GraphQLResponse, TestBrowser, TestServer } from './test-server.js';

/** The viewer fields tests read. */
export const VIEWER_FIELDS = `csrfToken account { id email displayName role emailVerified createdAt }`;

export interface ViewerData {
  csrfToken: string;
  account: { id: string; email: string; displayName: string; role: string; emailVerified: boolean; createdAt: string };
}

export interface UserErrorData {
  field: string[] | null;
  code: string;
  message: string;
}

/** The selection of a mutation payload's user errors. */
export const USER_ERRORS = 'userErrors { field code message }';

export interface PayloadData {
  viewer: ViewerData | null;
  userErrors: UserErrorData[];
}

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { viewer { ${VIEWER_FIELDS} } userErrors { field code message } } }`;
export const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { ${VIEWER_FIELDS} } userErrors { field code message } } }`;
export const SIGN_OUT = `mutation { signOut { signedOut } }`;
export const VIEWER = `{ viewer { ${VIEWER_FIELDS} } }`;

let sequence = 0;

/** A unique address for a test account. */
export function testEmail(prefix = 'compte'): string {
  sequence += 1;
  return `${prefix}.${process.pid}.${sequence}@exemple.fr`;
}

export const GOOD_PASSWORD = 'cheval agrafe pile correcte';

/** Signs a new account up in the browser, which then holds its session and CSRF token. */
export async function signUpIn(
  browser: TestBrowser,
  input: { email?: string; password?: string; displayName?: string; role?: 'BUYER' | 'SUPPLIER_MEMBER' } = {},
): Promise<ViewerData> {
  const response: GraphQLResponse<{ signUp: PayloadData }> = await browser.query(SIGN_UP, {
    input: { email: input.email ?? testEmail(), password: input.password ?? GOOD_PASSWORD, displayName: input.displayName ?? 'Service achats', role: input.role },
  });
  const viewer = response.data?.signUp.viewer;
  if (!viewer) throw new Error(`Sign-up failed: ${JSON.stringify(response.errors ?? response.data)}`);
  browser.csrfToken = viewer.csrfToken;
  return viewer;
}

/** Signs an existing account in; the browser keeps the session and its CSRF token. */
export async function signInAs(browser: TestBrowser, email: string, password = GOOD_PASSWORD): Promise<GraphQLResponse<{ signIn: PayloadData }>> {
  const response: GraphQLResponse<{ signIn: PayloadData }> = await browser.query(SIGN_IN, { input: { email, password } });
  if (response.data?.signIn.viewer) browser.csrfToken = response.data.signIn.viewer.csrfToken;
  return response;
}

/** A signed-in account of the role; admins are promoted in the database (as `pnpm admin:create` would). */
export async function signedIn(server: TestServer, db: DataSource, role: 'BUYER' | 'SUPPLIER_MEMBER' | 'ADMIN', displayName = 'Camille Martin') {
  const browser = server.browser();
  const viewer = await signUpIn(browser, { role: role === 'ADMIN' ? 'BUYER' : role, displayName });
  if (role === 'ADMIN') await db.query(`UPDATE account SET role = 'ADMIN' WHERE email = $1`, [viewer.account.email]);
  return { browser, email: viewer.account.email, accountId: viewer.account.id };
}

/** Makes the account an OWNER or MEMBER of the supplier (a supplier_membership row). */
export async function addMembership(db: DataSource, email: string, supplierId: number, role: 'OWNER' | 'MEMBER'): Promise<void> {
  await db.query(`INSERT INTO supplier_membership (account_id, supplier_id, role) SELECT id, $2, $3 FROM account WHERE email = $1`, [
    email,
    supplierId,
    role,
  ]);
}

/** The code of the first top-level error of a response (UNAUTHENTICATED, FORBIDDEN…). */
export function errorCode(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return response.errors?.[0]?.extensions?.code;
}

export interface OutboxMail {
  id: number;
  recipient: string;
  template: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Messages kept by the outbox mailer for an address, oldest first. */
export async function mailsTo(db: DataSource, recipient: string, template?: string): Promise<OutboxMail[]> {
  return db.query(
    `SELECT id, recipient, template, subject, text, html FROM mail_outbox
     WHERE recipient = $1 AND ($2::text IS NULL OR template = $2) ORDER BY id`,
    [recipient, template ?? null],
  );
}

/** The token of the link (…#jeton=<token>) in a mail's text. */
export function tokenInMail(mail: OutboxMail): string {
  const match = /#jeton=([A-Za-z0-9_-]{43})\b/.exec(mail.text);
  if (!match) throw new Error(`No token in mail: ${mail.text}`);
  return match[1];
}
