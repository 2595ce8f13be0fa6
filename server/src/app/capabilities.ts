import type { DataSource } from 'typeorm';

/** What this deployment can do, given the data it was able to load. */
export interface Capabilities {
  /** False when commune centres are missing (no centres file): no radius or distance. */
  radiusSearchAvailable: boolean;
}

export async function readCapabilities(db: DataSource): Promise<Capabilities> {
  const [row] = await db.query(`SELECT EXISTS (SELECT 1 FROM commune WHERE latitude IS NOT NULL) AS available`);
  return { radiusSearchAvailable: row.available === true };
}
