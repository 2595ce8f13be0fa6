/** Lower case, no accents, words separated by single spaces: how buyers' words are compared. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when every typed word starts a word of one of the texts ("espa vert" → "Espaces verts"). */
export function matchesWords(typed: string, texts: string[]): boolean {
  const words = normalizeText(typed).split(' ').filter(Boolean);
  if (!words.length) return false;
  const candidates = texts.map((text) => ` ${normalizeText(text)}`);
  return words.every((word) => candidates.some((candidate) => candidate.includes(` ${word}`)));
}
