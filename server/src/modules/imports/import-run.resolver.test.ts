import { beforeAll, describe, expect, it } from 'vitest';
import { signUpIn } from '../../test-support/accounts.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { ImportRunStatus } from './import-run.entity.js';
import { createRun, finishRun, ReportDelta, saveDelta } from './import-report.js';
import { importRunRejections, importRuns } from './import-run.service.js';

/** The stored import reports through `importRuns`, over real HTTP: admins only. */

const app = useTestServer();
let admin: TestBrowser;

beforeAll(async () => {
  admin = app.server.browser();
  const viewer = await signUpIn(admin);
  await app.database.db.query(`UPDATE account SET role = 'ADMIN' WHERE email = $1`, [viewer.account.email]);
});

const IMPORT_RUNS = `query Runs($first: Int, $after: String) {
  importRuns(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id source format fileName partial dryRun status startedAt finishedAt durationMs
      rowsRead created updated unchanged merged republished unpublished rejected skipped
      duplicates duplicateRows { line siret firstLine } warnings warningRows { line reason value }
      rejections { line reason value }
      unmappedActivities { value count }
    } }
  }
}`;

interface RunsData {
  importRuns: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Record<string, unknown> & { id: string; rejections: unknown[] } }[];
  };
}

async function storeRun(file: string, rejections: number): Promise<number> {
  const db = app.database.db;
  const runId = await createRun(db, { source: SupplierSource.DATA_INCLUSION, format: 'data-inclusion-csv', file, partial: true, dryRun: false });
  const delta = new ReportDelta();
  delta.row('created');
  delta.row('created');
  delta.row('unchanged');
  for (let i = 0; i < rejections; i += 1) delta.reject({ line: 10 + i, reason: 'SIRET invalide', value: `1234${i}` });
  delta.unmapped(['Jardinage', 'Jardinage', 'Couture']);
  delta.duplicate({ line: 31, siret: '73282932000074', firstLine: 3 });
  delta.duplicate({ line: 30, siret: '73282932000074', firstLine: 3 });
  delta.warn([{ line: 40, reason: 'Présentation tronquée à 5 000 caractères (8 000 dans le fichier)' }]);
  await saveDelta(db, runId, delta);
  await finishRun(db, runId, ImportRunStatus.COMPLETED, 1234, null);
  return runId;
}

describe('importRuns', () => {
  it('is refused to anonymous visitors (UNAUTHENTICATED) and to buyers (FORBIDDEN)', async () => {
    const anonymous = await app.server.query(IMPORT_RUNS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();

    const buyer = app.server.browser();
    await signUpIn(buyer);
    const refused = await buyer.query(IMPORT_RUNS);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives admins the runs, newest first, with their counts, rejections and unmapped activities', async () => {
    const older = await storeRun('ancien.csv', 1);
    const newer = await storeRun('recent.csv', 2);

    const response = await admin.query<RunsData>(IMPORT_RUNS, { first: 1 });
    expect(response.errors).toBeUndefined();
    const page = response.data!.importRuns;
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges[0].node).toMatchObject({
      id: String(newer),
      source: 'DATA_INCLUSION',
      fileName: 'recent.csv',
      partial: true,
      dryRun: false,
      status: 'COMPLETED',
      durationMs: 1234,
      rowsRead: 7,
      created: 2,
      unchanged: 1,
      rejected: 2,
      duplicates: 2,
      duplicateRows: [
        { line: 30, siret: '73282932000074', firstLine: 3 },
        { line: 31, siret: '73282932000074', firstLine: 3 },
      ],
      warnings: 1,
      warningRows: [{ line: 40, reason: 'Présentation tronquée à 5 000 caractères (8 000 dans le fichier)', value: null }],
      rejections: [
        { line: 10, reason: 'SIRET invalide', value: '12340' },
        { line: 11, reason: 'SIRET invalide', value: '12341' },
      ],
      unmappedActivities: [{ value: 'Jardinage', count: 2 }, { value: 'Couture', count: 1 }],
    });

    const next = await admin.query<RunsData>(IMPORT_RUNS, { first: 1, after: page.pageInfo.endCursor });
    expect(next.data!.importRuns.edges.map((edge) => edge.node.id)).toEqual([String(older)]);
    expect(next.data!.importRuns.pageInfo.hasNextPage).toBe(false);
  });

  it('loads the rejections of a page in one query, however many runs it has', async () => {
    const count = async () => (await admin.query<RunsData>(IMPORT_RUNS, { first: 100 })).sqlStatements.length;
    const before = await count();
    await storeRun('encore.csv', 3);
    await storeRun('toujours.csv', 1);
    expect(await count()).toBe(before);
  });

  it('refuses a number of rejections out of bounds (BAD_USER_INPUT)', async () => {
    await storeRun('bornes.csv', 1);
    const response = await admin.query(`{ importRuns(first: 1) { edges { node { rejections(first: 1001) { line } } } } }`);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the import run service', () => {
  it('takes plain arguments and checks the caller itself', async () => {
    const deps = { db: app.database.db };
    const anonymous = { viewer: null, ip: 'local' };
    await expect(importRuns(deps, anonymous, { first: 10 })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(importRunRejections(deps, anonymous, 1, 10)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
