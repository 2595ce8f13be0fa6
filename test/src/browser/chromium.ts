import { existsSync } from 'node:fs';

/** The Chromium the browser tests drive: Debian's package, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Fails with the way to get Chromium, rather than a launch error deep in a test. */
export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser tests need Chromium, not found at ${chromiumPath}. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (Debian) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
}
