/** Joins the lexemes of a list sent by SQL: a character they never hold (unit separator, chr(31)). */
export const LEXEME_SEPARATOR = '\u001f';

/*
 * A posting says where a slot's document holds a lexeme, packed in 16 bits: the name (bit
 * 0), the offering titles (bits 1–4: occurrences, at most 15) and the descriptions (bits
 * 5–10: occurrences, at most 63). Category names and keywords are not in the postings: a
 * slot's categories say them (DirectoryIndex.categorySlots).
 */
const TITLE_SHIFT = 1;
const TITLE_MAX = 15;
const DESCRIPTION_SHIFT = 5;
const DESCRIPTION_MAX = 63;

export function postingCode(inName: boolean, titleCount: number, descriptionCount: number): number {
  return (inName ? 1 : 0) | (Math.min(titleCount, TITLE_MAX) << TITLE_SHIFT) | (Math.min(descriptionCount, DESCRIPTION_MAX) << DESCRIPTION_SHIFT);
}

export const inNameOf = (code: number): boolean => (code & 1) === 1;
export const titleCountOf = (code: number): number => (code >>> TITLE_SHIFT) & TITLE_MAX;
export const descriptionCountOf = (code: number): number => (code >>> DESCRIPTION_SHIFT) & DESCRIPTION_MAX;

/** A slot's document: its lexemes with their posting codes. */
export type SlotDocument = Map<string, number>;

/**
 * The lexemes of a tsvector as PostgreSQL prints it (`'nettoyag':3C,15C 'l''eau':4`), each
 * with its number of positions (1 without positions).
 */
export function parseTsvectorCounts(text: string | null): [string, number][] {
  const entries: [string, number][] = [];
  if (!text) return entries;
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (text.charCodeAt(i) !== 39) {
      i += 1;
      continue;
    }
    i += 1;
    let lexeme = '';
    let start = i;
    while (i < length) {
      const char = text.charCodeAt(i);
      if (char === 39) {
        // A quote inside a lexeme is doubled.
        if (text.charCodeAt(i + 1) === 39) {
          lexeme += `${text.slice(start, i)}'`;
          i += 2;
          start = i;
          continue;
        }
        lexeme += text.slice(start, i);
        i += 1;
        break;
      }
      if (char === 92) {
        lexeme += text.slice(start, i) + text.charAt(i + 1);
        i += 2;
        start = i;
        continue;
      }
      i += 1;
    }
    let count = 1;
    if (text.charCodeAt(i) === 58) {
      i += 1;
      while (i < length && text.charCodeAt(i) !== 32) {
        if (text.charCodeAt(i) === 44) count += 1;
        i += 1;
      }
    }
    entries.push([lexeme, count]);
  }
  return entries;
}

export function splitLexemes(text: string | null): string[] {
  return text ? text.split(LEXEME_SEPARATOR) : [];
}

/** The document of a slot from its name lexemes, offering title and description lexemes (with counts). */
export function slotDocument(nameLexemes: readonly string[], titles: readonly [string, number][], descriptions: readonly [string, number][]): SlotDocument {
  const document: SlotDocument = new Map();
  for (const lexeme of nameLexemes) document.set(lexeme, 1);
  for (const [lexeme, count] of titles) document.set(lexeme, (document.get(lexeme) ?? 0) | (Math.min(count, TITLE_MAX) << TITLE_SHIFT));
  for (const [lexeme, count] of descriptions) {
    document.set(lexeme, (document.get(lexeme) ?? 0) | (Math.min(count, DESCRIPTION_MAX) << DESCRIPTION_SHIFT));
  }
  return document;
}

/** Collects the documents of slots 0, 1, 2… in order, then builds their TextIndex. */
export class TextIndexBuilder {
  // Provisional lexeme ids in order of appearance, and how many slots hold each.
  private readonly provisional = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly slotLexemes: Int32Array[] = [];
  private readonly slotCodes: Uint16Array[] = [];

  /** Adds the next slot's document. */
  add(document: SlotDocument): void {
    const ids = new Int32Array(document.size);
    const codes = new Uint16Array(document.size);
    let i = 0;
    for (const [lexeme, code] of document) {
      let id = this.provisional.get(lexeme);
      if (id === undefined) {
        id = this.provisional.size;
        this.provisional.set(lexeme, id);
        this.counts.push(0);
      }
      this.counts[id] += 1;
      ids[i] = id;
      codes[i] = code;
      i += 1;
    }
    this.slotLexemes.push(ids);
    this.slotCodes.push(codes);
  }

  build(): TextIndex {
    const lexicon = [...this.provisional.keys()].sort();
    const finalId = new Int32Array(lexicon.length);
    const offsets = new Int32Array(lexicon.length + 1);
    lexicon.forEach((lexeme, id) => {
      const provisional = this.provisional.get(lexeme)!;
      finalId[provisional] = id;
      offsets[id + 1] = this.counts[provisional];
    });
    for (let i = 0; i < lexicon.length; i += 1) offsets[i + 1] += offsets[i];
    // Each slot appended to its lexemes' postings, in slot order.
    const postings = new Int32Array(offsets[lexicon.length]);
    const codes = new Uint16Array(offsets[lexicon.length]);
    const filled = offsets.slice(0, lexicon.length);
    this.slotLexemes.forEach((ids, slot) => {
      const slotCodes = this.slotCodes[slot];
      for (let i = 0; i < ids.length; i += 1) {
        const at = filled[finalId[ids[i]]]++;
        postings[at] = slot;
        codes[at] = slotCodes[i];
      }
    });
    return new TextIndex(lexicon, offsets, postings, codes);
  }
}

/** Trigrams of a word as pg_trgm makes them: words of letters and digits, padded with two spaces before and one after. */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3));
  }
  return trigrams;
}

/** pg_trgm's similarity(): shared trigrams over all the trigrams of both. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Lexemes shorter than this are never offered as the correction of a typo (as the search_word lexicon). */
const MIN_CORRECTION_LENGTH = 3;

/**
 * An inverted index of lexemes (the words of PostgreSQL's tsvectors, already stemmed and
 * unaccented): for each lexeme, the slots whose document holds it, each with its posting
 * code (where: name, titles, descriptions). Built once in compact arrays (TextIndexBuilder);
 * slots added afterwards go to a small delta until the next build.
 */
export class TextIndex {
  private readonly lexemeIds = new Map<string, number>();
  private readonly delta = new Map<string, { slots: number[]; codes: number[] }>();
  /** Trigram → ids of the lexicon's lexemes holding it (for typo corrections). */
  private trigramLexemes: Map<string, number[]> | null = null;

  /**
   * `lexicon`: sorted, so that a prefix is a range; the postings of lexicon[i] are
   * postings[offsets[i]] … postings[offsets[i + 1] - 1], with their codes in step.
   */
  constructor(
    private readonly lexicon: readonly string[],
    private readonly offsets: Int32Array,
    private readonly postings: Int32Array,
    private readonly codes: Uint16Array,
  ) {
    lexicon.forEach((lexeme, id) => this.lexemeIds.set(lexeme, id));
  }

  /** Indexes the document of a slot added after the build. */
  add(slot: number, document: SlotDocument): void {
    for (const [lexeme, code] of document) {
      let list = this.delta.get(lexeme);
      if (!list) this.delta.set(lexeme, (list = { slots: [], codes: [] }));
      list.slots.push(slot);
      list.codes.push(code);
    }
  }

  /** Whether some document holds the lexeme. */
  has(lexeme: string): boolean {
    return this.lexemeIds.has(lexeme) || this.delta.has(lexeme);
  }

  /** Number of postings of the lexeme (retired slots included). */
  postingCount(lexeme: string): number {
    const id = this.lexemeIds.get(lexeme);
    return (id === undefined ? 0 : this.offsets[id + 1] - this.offsets[id]) + (this.delta.get(lexeme)?.slots.length ?? 0);
  }

  /**
   * The postings of a lexeme as ranges of arrays, for loops that read them directly: the
   * built ones (`slots[start…end)`, `codes` in step), then those added since (`added`).
   */
  postingsOf(lexeme: string): { slots: Int32Array; codes: Uint16Array; start: number; end: number; added: { slots: number[]; codes: number[] } | undefined } {
    const id = this.lexemeIds.get(lexeme);
    return {
      slots: this.postings,
      codes: this.codes,
      start: id === undefined ? 0 : this.offsets[id],
      end: id === undefined ? 0 : this.offsets[id + 1],
      added: this.delta.get(lexeme),
    };
  }

  /** Calls `visit` for each posting of the lexeme: the slot and its posting code. */
  forEachPosting(lexeme: string, visit: (slot: number, code: number) => void): void {
    const id = this.lexemeIds.get(lexeme);
    if (id !== undefined) {
      const { postings, codes } = this;
      for (let i = this.offsets[id]; i < this.offsets[id + 1]; i += 1) visit(postings[i], codes[i]);
    }
    const added = this.delta.get(lexeme);
    if (added) for (let i = 0; i < added.slots.length; i += 1) visit(added.slots[i], added.codes[i]);
  }

  /** Lexemes starting with `prefix` (the prefix itself included when known), the most frequent first, at most `limit`. */
  lexemesStartingWith(prefix: string, limit: number): string[] {
    const found: string[] = [];
    for (let id = this.firstAtOrAfter(prefix); id < this.lexicon.length && this.lexicon[id].startsWith(prefix); id += 1) found.push(this.lexicon[id]);
    for (const lexeme of this.delta.keys()) if (lexeme.startsWith(prefix) && !this.lexemeIds.has(lexeme)) found.push(lexeme);
    if (found.length <= limit) return found;
    return found
      .map((lexeme) => ({ lexeme, count: this.postingCount(lexeme) }))
      .sort((a, b) => b.count - a.count || (a.lexeme < b.lexeme ? -1 : 1))
      .slice(0, limit)
      .map((entry) => entry.lexeme);
  }

  /**
   * Known lexemes nearest to `word` by trigram similarity (pg_trgm's), at least `threshold`,
   * the nearest first (then in byte order), at most `limit`: what a typo probably meant.
   */
  nearestLexemes(word: string, threshold: number, limit: number): string[] {
    const trigrams = trigramsOf(word);
    const index = (this.trigramLexemes ??= this.buildTrigramIndex());
    const shared = new Map<number, number>();
    for (const trigram of trigrams) for (const id of index.get(trigram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const candidates: { lexeme: string; similarity: number }[] = [];
    for (const [id, count] of shared) {
      const lexeme = this.lexicon[id];
      // Exact: pg_trgm's formula, on both sides' trigram sets.
      const similarity = count / (trigrams.size + trigramsOf(lexeme).size - count);
      if (similarity >= threshold) candidates.push({ lexeme, similarity });
    }
    for (const lexeme of this.delta.keys()) {
      if (this.lexemeIds.has(lexeme) || lexeme.length < MIN_CORRECTION_LENGTH) continue;
      const similarity = trigramSimilarity(trigrams, trigramsOf(lexeme));
      if (similarity >= threshold) candidates.push({ lexeme, similarity });
    }
    return candidates
      .sort((a, b) => b.similarity - a.similarity || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0))
      .slice(0, limit)
      .map((candidate) => candidate.lexeme);
  }

  private buildTrigramIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.lexicon.forEach((lexeme, id) => {
      if (lexeme.length < MIN_CORRECTION_LENGTH || /^\d+$/.test(lexeme)) return;
      for (const trigram of trigramsOf(lexeme)) {
        const list = index.get(trigram);
        if (list) list.push(id);
        else index.set(trigram, [id]);
      }
    });
    return index;
  }

  private firstAtOrAfter(prefix: string): number {
    let low = 0;
    let high = this.lexicon.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.lexicon[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
