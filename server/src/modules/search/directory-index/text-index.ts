import { TypedFastBitSet } from 'typedfastbitset';
import type { TextTerm } from '../text-query.js';

/** Joins the lexemes of a document: a character they never hold (unit separator, chr(31)). */
export const LEXEME_SEPARATOR = '\u001f';

/** Collects the documents of slots 0, 1, 2… in order, then builds their TextIndex. */
export class TextIndexBuilder {
  // Provisional lexeme ids in order of appearance, and how many slots hold each.
  private readonly provisional = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly slotLexemes: Int32Array[] = [];

  /** Adds the next slot's document (its lexemes joined with LEXEME_SEPARATOR). */
  add(document: string): void {
    const words = splitLexemes(document);
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i += 1) {
      let id = this.provisional.get(words[i]);
      if (id === undefined) {
        id = this.provisional.size;
        this.provisional.set(words[i], id);
        this.counts.push(0);
      }
      this.counts[id] += 1;
      ids[i] = id;
    }
    this.slotLexemes.push(ids);
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
    const filled = offsets.slice(0, lexicon.length);
    this.slotLexemes.forEach((ids, slot) => {
      for (const id of ids) postings[filled[finalId[id]]++] = slot;
    });
    return new TextIndex(lexicon, offsets, postings);
  }
}

/**
 * An inverted index of lexemes (the words of PostgreSQL's tsvectors, already stemmed and
 * unaccented): for each lexeme, the slots whose document holds it. Built once in compact
 * arrays (TextIndexBuilder); slots added afterwards go to a small delta until the next build.
 */
export class TextIndex {
  private readonly lexemeIds = new Map<string, number>();
  private readonly delta = new Map<string, number[]>();

  /**
   * `lexicon`: sorted, so that a prefix is a range; the postings of lexicon[i] are
   * postings[offsets[i]] … postings[offsets[i + 1] - 1].
   */
  constructor(
    private readonly lexicon: readonly string[],
    private readonly offsets: Int32Array,
    private readonly postings: Int32Array,
  ) {
    lexicon.forEach((lexeme, id) => this.lexemeIds.set(lexeme, id));
  }

  /** Indexes the document of a slot added after the build. */
  add(slot: number, document: string): void {
    for (const lexeme of splitLexemes(document)) {
      const list = this.delta.get(lexeme);
      if (list) list.push(slot);
      else this.delta.set(lexeme, [slot]);
    }
  }

  /** Slots whose document matches every term (one of its lexemes, or its prefix). */
  match(terms: readonly TextTerm[]): TypedFastBitSet {
    let result: TypedFastBitSet | null = null;
    for (const term of terms) {
      const slots = this.termSlots(term);
      result = result === null ? slots : result.intersection(slots);
      if (result.isEmpty()) break;
    }
    return result ?? new TypedFastBitSet();
  }

  private termSlots(term: TextTerm): TypedFastBitSet {
    const slots = new TypedFastBitSet();
    const addRange = (id: number) => {
      for (let i = this.offsets[id]; i < this.offsets[id + 1]; i += 1) slots.add(this.postings[i]);
    };
    for (const lexeme of term.lexemes) {
      const id = this.lexemeIds.get(lexeme);
      if (id !== undefined) addRange(id);
    }
    if (term.prefix !== null) {
      for (let id = this.firstAtOrAfter(term.prefix); id < this.lexicon.length && this.lexicon[id].startsWith(term.prefix); id += 1) {
        addRange(id);
      }
    }
    for (const [lexeme, added] of this.delta) {
      if (term.lexemes.includes(lexeme) || (term.prefix !== null && lexeme.startsWith(term.prefix))) {
        for (const slot of added) slots.add(slot);
      }
    }
    return slots;
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

function splitLexemes(document: string): string[] {
  return document === '' ? [] : document.split(LEXEME_SEPARATOR);
}
