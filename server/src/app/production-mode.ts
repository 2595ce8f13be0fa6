import { fileURLToPath } from 'node:url';

/**
 * `pnpm start` and deployments run the built server (dist/, JavaScript); `pnpm dev` and the
 * tests run the TypeScript sources. The built server runs in production mode (Express,
 * Apollo) unless NODE_ENV says otherwise. Errors never show a stack, whatever NODE_ENV says
 * (core/http/http-errors.ts): this is for the libraries' other defaults.
 */
export function defaultToProductionMode(env: NodeJS.ProcessEnv = process.env, modulePath = fileURLToPath(import.meta.url)): void {
  if (!env.NODE_ENV && modulePath.endsWith('.js')) env.NODE_ENV = 'production';
}
