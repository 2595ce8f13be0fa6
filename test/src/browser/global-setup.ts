import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startBuiltServer, temporaryDataRoot } from '../built-server.js';
import { assertChromiumInstalled } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the built server every browser test file shares, e.g. http://localhost:41234. */
    appOrigin: string;
    /** Embedded PostgreSQL data folder of that server: the built CLIs join its database through it. */
    appDataDir: string;
  }
}

// The server serves CLIENT_DIST_DIR when set (see server/src/core/config/config.ts).
const clientIndex = path.join(
  path.resolve(process.env.CLIENT_DIST_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../client/dist')),
  'index.html',
);

/**
 * One built server for every browser test file: its first start seeds the demo directory
 * (8 000 suppliers as `pnpm start`, ~20 s here), too slow to repeat per file.
 * `E2E_DEMO_SUPPLIERS` makes it smaller for a quick local run.
 */
export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (!existsSync(clientIndex)) {
    throw new Error(`The browser tests drive the built client, but ${clientIndex} is missing: run \`pnpm build\` first.`);
  }
  const dataRoot = await temporaryDataRoot();
  try {
    const server = await startBuiltServer(dataRoot.path, { DEMO_SUPPLIERS: process.env.E2E_DEMO_SUPPLIERS || '8000' });
    project.provide('appOrigin', new URL(server.url).origin);
    project.provide('appDataDir', path.join(dataRoot.path, 'postgres'));
    return async () => {
      await server.stop();
      await dataRoot.remove();
    };
  } catch (error) {
    await dataRoot.remove();
    throw error;
  }
}
