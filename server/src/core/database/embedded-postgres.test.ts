import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openToOthers, startEmbeddedPostgres } from './embedded-postgres.js';

/** The embedded PostgreSQL changes nothing on the host but what it creates. */

let root: string;
const modeOf = async (folder: string) => (await stat(folder)).mode & 0o7777;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'embedded-pg-'));
  await chmod(root, 0o755);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function startAndQuery(dataDir: string): Promise<void> {
  const database = await startEmbeddedPostgres({ dataDir, port: 50000 + Math.floor(Math.random() * 5000), fast: true });
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
  } finally {
    await database.stop();
  }
}

describe('embedded PostgreSQL', () => {
  it('leaves an existing parent folder as it was (a /tmp-like 1777 folder stays 1777)', async () => {
    const shared = path.join(root, 'like-tmp');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    await startAndQuery(path.join(shared, 'postgres'));
    expect((await modeOf(shared)).toString(8)).toBe('1777');
  });

  it('starts in folders it creates itself, opened to the postgres user', async () => {
    await startAndQuery(path.join(root, 'made', 'by-us', 'postgres'));
    expect((await modeOf(path.join(root, 'made'))).toString(8)).toBe('755');
    expect((await modeOf(path.join(root, 'made', 'by-us'))).toString(8)).toBe('755');
  });

  it('opens exactly the folders from the first one created down to the data folder parent', async () => {
    const previous = process.umask(0o077);
    try {
      await mkdir(path.join(root, 'strict', 'a', 'b'), { recursive: true });
    } finally {
      process.umask(previous);
    }
    await openToOthers(path.join(root, 'strict', 'a'), path.join(root, 'strict', 'a', 'b'));
    expect((await modeOf(path.join(root, 'strict'))).toString(8)).toBe('700');
    expect((await modeOf(path.join(root, 'strict', 'a'))).toString(8)).toBe('755');
    expect((await modeOf(path.join(root, 'strict', 'a', 'b'))).toString(8)).toBe('755');
  });
});
