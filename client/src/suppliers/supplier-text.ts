/** How a supplier's identifiers and contact details are shown and linked. */

/** "123 456 789 00012": SIREN in groups of three, then the NIC. Anything else is shown as given. */
export function formatSiret(siret: string): string {
  const digits = siret.replace(/\s/g, '');
  return /^\d{14}$/.test(digits) ? `${formatSiren(digits.slice(0, 9))} ${digits.slice(9)}` : siret;
}

/** "123 456 789". */
export function formatSiren(siren: string): string {
  const digits = siren.replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? digits.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : siren;
}

/**
 * A safe link to a website given by a data source: http(s) only (never `javascript:`),
 * "https://" added when the source left it out. Null when it is not a usable address.
 */
export function websiteHref(website: string | null | undefined): string | null {
  const raw = website?.trim();
  if (!raw) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

/** "www.exemple.fr/contact": a website as it reads, without scheme or trailing slash. */
export function websiteLabel(website: string): string {
  return website.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** "tel:+33387000000"; null when the phone holds no digits worth dialling. */
export function phoneHref(phone: string | null | undefined): string | null {
  // "+33 (0)3 87…": the bracketed trunk zero is not dialled from abroad.
  const dialable = phone?.replace(/\(0\)/g, '').replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '') ?? '';
  return dialable.replace('+', '').length >= 3 ? `tel:${dialable}` : null;
}

/** "mailto:contact@exemple.fr"; null for what is not an e-mail address. */
export function mailtoHref(email: string | null | undefined): string | null {
  const address = email?.trim() ?? '';
  return /^[^\s@<>"?&]+@[^\s@<>"?&]+\.[^\s@<>"?&]+$/.test(address) ? `mailto:${address}` : null;
}

/** The shareable address of a supplier's page. */
export function supplierPageUrl(id: string, origin = globalThis.location?.origin ?? ''): string {
  return `${origin}/structures/${encodeURIComponent(id)}`;
}

export function formatHeadcount(headcount: number): string {
  return `${headcount.toLocaleString('fr-FR')} ${headcount > 1 ? 'personnes' : 'personne'}`;
}

export function formatLeadTime(days: number): string {
  return days === 0 ? 'Immédiat' : `${days.toLocaleString('fr-FR')} ${days > 1 ? 'jours' : 'jour'}`;
}
