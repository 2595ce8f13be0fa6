import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';
import { DEFAULT_DEMO_SEED } from '../../demo/demo-generator.js';
import { loadDemoDirectory } from '../../demo/demo-directory.js';
import { evaluateRelevance, formatRelevance, type PlaceScore } from './relevance-evaluation.js';
import { JUDGED_QUERIES, RELEVANCE_PLACES, STRUCTURE_QUERIES } from './relevance-set.js';

/**
 * A floor of quality, not of time (README, "Judged, not guessed"): the relevance set run on a
 * demo directory generated in the test database, in its three places. `pnpm bench` prints
 * the same figures on the 8 000-supplier directory (bench/relevance.bench.ts).
 */
const DIRECTORY_SIZE = 4_000;
/** Below what the engine scores here (README gives the figures), with a margin for the demo generator's changes. */
const FLOOR = { precision: 0.8, ndcg: 0.72 };

let database: TestDatabase;
let server: TestServer;
let scores: PlaceScore[];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((manager) => loadDemoDirectory(manager, { count: DIRECTORY_SIZE, seed: DEFAULT_DEMO_SEED }));
  server = await startTestServer(database.db);
  scores = await evaluateRelevance((query, variables) => server.query(query, variables));
  console.log(formatRelevance(scores));
}, 300_000);

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('the relevance set', () => {
  it('holds at least 60 queries as buyers write them, and structures named, in three places', () => {
    expect(JUDGED_QUERIES.length + STRUCTURE_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(RELEVANCE_PLACES).toHaveLength(3);
    // Most judged queries have relevant suppliers in every place: the set measures something everywhere.
    for (const score of scores) expect(score.queries.length, score.place.name).toBeGreaterThan(70);
  });

  for (const place of RELEVANCE_PLACES) {
    it(`keeps precision@10 and nDCG@10 above the floor in ${place.name}`, () => {
      const score = scores.find((candidate) => candidate.place === place)!;
      expect(score.precision, formatRelevance([score])).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(score.ndcg, formatRelevance([score])).toBeGreaterThanOrEqual(FLOOR.ndcg);
    });
  }

  it('finds every structure named by its name, with a typo, in a sentence, or by its SIRET or SIREN, first', () => {
    for (const score of scores) {
      const named = score.queries.filter((query) => /^(name|siret|siren)/.test(query.expected));
      expect(named.length, score.place.name).toBe(STRUCTURE_QUERIES.length);
      for (const query of named) expect(query.precision, `${score.place.name}: "${query.text}" (${query.expected}) → ${query.top.join(', ')}`).toBe(1);
    }
  });
});
