import { defaultToProductionMode } from './production-mode.js';

// Imported first by the entry points (main.ts, the bench servers): libraries read NODE_ENV
// when they load, not when they run (graphql-js keeps its slow development checks otherwise).
defaultToProductionMode();
