import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startBuiltServer, temporaryDataRoot, type BuiltServer } from './built-server.js';

/**
 * The built server, started as `pnpm start` starts it: ESM decorator bugs only show
 * there. First start loads territories and demo data; a restart keeps them.
 */
describe('built server', () => {
  let dataRoot: Awaited<ReturnType<typeof temporaryDataRoot>>;
  let server: BuiltServer;

  beforeAll(async () => {
    dataRoot = await temporaryDataRoot();
    server = await startBuiltServer(dataRoot.path, { DEMO_SUPPLIERS: '300' });
  });

  afterAll(async () => {
    await server?.stop();
    await dataRoot?.remove();
  });

  it('serves the demo directory over GraphQL', async () => {
    const { status, body } = await graphql<{ suppliers: { totalCount: number; edges: { node: { name: string; isDemo: boolean; address: { commune: { name: string } } } }[] } }>(
      server.url,
      `{ suppliers(first: 5, orderBy: NAME) { totalCount edges { node { name isDemo address { commune { name } } } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.suppliers.totalCount).toBe(300);
    expect(body.data!.suppliers.edges).toHaveLength(5);
    for (const { node } of body.data!.suppliers.edges) {
      expect(node.isDemo).toBe(true);
      expect(node.name).toMatch(/démo/i);
      expect(node.address.commune.name).not.toBe('');
    }
  });

  it('searches by commune and radius with distances, from the centres file it ships (no setting)', async () => {
    expect(server.output()).toMatch(/have a centre \(\d+ approximate\) from .*server\/data\/commune-centres\.csv/);
    // Around Metz, every structure that serves the circle; around Paris, those located in it,
    // nearest first (SERVES ranks local structures before those serving from afar).
    for (const [communeCode, radiusKm, scope] of [['57463', 30, 'SERVES'], ['75056', 200, 'LOCATED_IN']] as const) {
      const { body } = await graphql<{ searchCapabilities: { radiusSearchAvailable: boolean }; suppliers: { edges: { distanceKm: number | null }[] } }>(
        server.url,
        `query ($communeCode: String!, $radiusKm: Float!, $scope: TerritoryScope!) {
           searchCapabilities { radiusSearchAvailable }
           suppliers(first: 20, filter: { territory: { communeCode: $communeCode, radiusKm: $radiusKm, scope: $scope } }, orderBy: DISTANCE) {
             edges { distanceKm } } }`,
        { communeCode, radiusKm, scope },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.searchCapabilities.radiusSearchAvailable).toBe(true);
      const distances = body.data!.suppliers.edges.map((edge) => edge.distanceKm!);
      expect(distances.length).toBeGreaterThan(0);
      expect(distances.every((distance) => typeof distance === 'number')).toBe(true);
      if (scope === 'LOCATED_IN') {
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(Math.max(...distances)).toBeLessThanOrEqual(radiusKm);
      }
    }
  });

  it('serves the client at / and deep links', async () => {
    for (const page of ['/', '/recherche?quoi=traiteur']) {
      const response = await fetch(new URL(page, server.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
    }
  });

  it('answers bad input with BAD_USER_INPUT, not a 500', async () => {
    const { status, body } = await graphql(server.url, `{ supplier(siret: "12345678901234") { name } }`);
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stops cleanly on SIGTERM: requests drained, then its embedded PostgreSQL, exit code 0', async () => {
    const exitCode = await server.stop();
    expect(server.output()).toContain('SIGTERM received, stopping…');
    // The database stops last: no connection of the server is cut under it.
    expect(server.output()).not.toContain('terminating connection due to administrator command');
    expect(exitCode).toBe(0);
  });

  it('keeps everything across a restart and does not load the demo again', async () => {
    server = await startBuiltServer(dataRoot.path, { DEMO_SUPPLIERS: '300' });
    expect(server.output()).not.toContain('Loading the demo directory');
    const { body } = await graphql<{ suppliers: { totalCount: number } }>(server.url, `{ suppliers(first: 0) { totalCount } }`);
    expect(body.data!.suppliers.totalCount).toBe(300);
  });
});
