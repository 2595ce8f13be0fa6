import { LRUCache } from 'lru-cache';
import type { OfferingEntity } from '../../offerings/offering.entity.js';
import type { SupplierEntity } from '../../suppliers/supplier.entity.js';

/** The words of an offering (its search document's lexemes). */
export interface OfferingWords {
  title: ReadonlySet<string>;
  description: ReadonlySet<string>;
}

/** A supplier of a result page, with its search row and its published offerings (cheapest first). */
export type PageSupplier = SupplierEntity & { publishedOfferings: OfferingEntity[] };

/**
 * A supplier as result pages show it, and the words of each of its offerings. Shared by the
 * requests that show it: read-only once cached.
 */
export interface PageSupplierCard {
  supplier: PageSupplier;
  offeringWords: ReadonlyMap<number, OfferingWords>;
}

/**
 * What result pages show of suppliers lately read (their row, search row and published
 * offerings), by supplier id, so that a page of suppliers already seen needs no statement.
 * It follows the directory as the index does: the suppliers of each change are forgotten when
 * the index applies it, everything when a full load replaces the index. A card read from the
 * database while a change was applied is not kept: it may predate that change.
 */
export class CardCache {
  private readonly cards: LRUCache<number, PageSupplierCard>;
  /** Bumped at every change applied: cards read before it are not kept. */
  private generation = 0;

  constructor(maxCards: number) {
    this.cards = new LRUCache({ max: maxCards });
  }

  /** To give `remember` with the cards read from now on. */
  get stamp(): number {
    return this.generation;
  }

  get(supplierId: number): PageSupplierCard | undefined {
    return this.cards.get(supplierId);
  }

  /** Keeps a card read from the database since `stamp`, unless a change was applied meanwhile. */
  remember(supplierId: number, card: PageSupplierCard, stamp: number): void {
    if (stamp === this.generation) this.cards.set(supplierId, card);
  }

  /** These suppliers changed (the change log, as the index applies it). */
  forget(supplierIds: readonly number[]): void {
    this.generation += 1;
    for (const id of supplierIds) this.cards.delete(id);
  }

  /** A new index replaces the one held: every card may be older than it. */
  clear(): void {
    this.generation += 1;
    this.cards.clear();
  }
}
