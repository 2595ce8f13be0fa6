import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject } from 'vitest';

/**
 * What browser tests reach of the shared built server besides HTTP: its embedded
 * PostgreSQL (to read the mails kept in mail_outbox) and its built CLIs (to create an
 * admin, as an operator would).
 */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SqlClient {
  connect(): Promise<void>;
  query<TRow = Record<string, unknown>>(sql: string, parameters: unknown[]): Promise<{ rows: TRow[] }>;
  end(): Promise<void>;
}

/** The shared server's database, reached with the server's own driver (as its CLIs do). */
export async function connectToAppDatabase(): Promise<SqlClient> {
  const dataDir = inject('appDataDir');
  const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
  // postmaster.pid: line 4 is the port PostgreSQL listens on.
  const port = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
  const { Client } = createRequire(path.join(repositoryRoot, 'server/package.json'))('pg') as {
    Client: new (options: object) => SqlClient;
  };
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'achat_inclusif' });
  await client.connect();
  return client;
}

/** The shared server's database for the tests of the calling suite: connected before them, closed after. */
export function useAppDatabase(): Pick<SqlClient, 'query'> {
  let client: SqlClient | undefined;
  beforeAll(async () => {
    client = await connectToAppDatabase();
  });
  afterAll(async () => {
    await client?.end();
  });
  return { query: (sql, parameters) => client!.query(sql, parameters) };
}

/** Creates an admin account with the built `admin:create` CLI on the shared server's database. */
export async function createAdmin(email: string, password: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['server/dist/modules/accounts/admin.cli.js', email], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: '', EMBEDDED_PG_DATA_DIR: inject('appDataDir'), ADMIN_PASSWORD: password },
  });
}
