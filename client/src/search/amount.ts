import { formatEuros } from '../labels';

/**
 * The small-purchase amount a buyer types (€ HT). Above this bound no rule of direct
 * purchase applies anywhere (the legal thresholds are 60 000 and 100 000 € HT in 2026):
 * such an amount is a slip, such as an extra zero or two.
 */
export const MAX_SMALL_PURCHASE_AMOUNT = 1_000_000;

export type ParsedAmount = { amount: number } | { error: string };

/**
 * Reads an amount as French buyers write it: "15000", "15 000", "15 000,50", "15 000 €",
 * "15000 € HT". Positive, finite, at most two decimals, and at most
 * MAX_SMALL_PURCHASE_AMOUNT; otherwise the French sentence to show next to the field.
 */
export function parseAmount(typed: string): ParsedAmount {
  const compact = typed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|eur(os?)?)?(ht)?$/i, '')
    .replace(/€$/, '');
  if (!compact) return { error: 'Indiquez un montant en euros HT, par exemple 15 000.' };
  if (!/^\d+([.,]\d{1,2})?$/.test(compact)) {
    return { error: 'Indiquez un montant en chiffres, en euros HT, par exemple 15 000 (deux décimales au plus).' };
  }
  const amount = Number(compact.replace(',', '.'));
  if (!Number.isFinite(amount) || amount <= 0) return { error: 'Indiquez un montant supérieur à 0 € HT.' };
  if (amount > MAX_SMALL_PURCHASE_AMOUNT) {
    return { error: `Indiquez un montant d’au plus ${formatEuros(MAX_SMALL_PURCHASE_AMOUNT)} HT : au-delà, aucun achat direct n’est possible.` };
  }
  return { amount };
}

/** "15 000": an amount as the field shows it, digits grouped the French way, without the unit. */
export function amountText(amount: number): string {
  return amount.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u00a0\u202f]/g, ' ');
}
