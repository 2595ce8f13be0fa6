import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedElsewhere, readSetting, repositoryRoot, settings, type Setting } from './settings.js';

/** The rows of the root README's "Configuration" table: variable → default cell. */
function readmeSettings(): Map<string, string> {
  const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([A-Z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells[2] ?? '');
  }
  return rows;
}

/** What the README's default cell must start with: the default in backquotes, or — when unset is the default. */
function documentedDefault(definition: Setting<unknown>): string {
  return definition.default === null ? '—' : `\`${definition.default}\``;
}

const table: Setting<unknown>[] = Object.values(settings);

describe('the table of settings', () => {
  it('is the README\'s "Configuration" table: same variables, same defaults', () => {
    const readme = readmeSettings();
    expect([...readme.keys()].sort()).toEqual([...table.map((s) => s.name), ...documentedElsewhere].sort());
    for (const definition of table) {
      expect(readme.get(definition.name), `default of ${definition.name} in README.md`).toMatch(
        new RegExp(`^${documentedDefault(definition).replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}(\\s|$)`),
      );
    }
  });

  it('keys each setting by its own name, with a description, and defaults its parsers accept', () => {
    for (const [key, definition] of Object.entries(settings)) {
      expect(definition.name).toBe(key);
      expect(definition.description.length).toBeGreaterThan(0);
      expect(() => readSetting({}, definition as Setting<unknown>)).not.toThrow();
    }
  });
});
