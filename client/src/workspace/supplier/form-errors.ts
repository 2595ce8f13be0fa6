import { nextTick } from 'vue';

/** After a failed submit, the first field in error (in page order) gets the focus. */
export async function focusFirstError(form: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus();
}

/** "12,50" or "12.50" or "1 200" → 12.5; '' → null; NaN when not a number (the server says why). */
export function parseEuros(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

export function parseInteger(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^-?\d+$/.test(compact) ? Number(compact) : Number.NaN;
}
