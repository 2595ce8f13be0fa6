import { nextTick } from 'vue';

export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** Messages by field path ("price.unit"; '' for the whole form), as the server reported them. */
export function messagesByField(errors: readonly UserErrorLike[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field?.join('.') ?? '';
    messages[key] = messages[key] ? `${messages[key]} ${error.message}` : error.message;
  }
  return messages;
}

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
