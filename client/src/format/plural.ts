/**
 * A count and its noun, in French: `1 structure`, `2 structures`, `1 200 structures`
 * (French uses the singular for 0 and 1).
 */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
}
