import { nextTick, ref } from 'vue';
import { failureMessage, messagesByField, type UserErrorLike } from '../graphql/error-messages';

/** The server's password policy (server/src/modules/accounts/password.ts), shown before typing. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_RULES =
  `Au moins ${PASSWORD_MIN_LENGTH} caractères, et pas votre adresse électronique. ` +
  'Une phrase de quelques mots, facile à retenir, convient très bien.';

/** Messages by input field ('' for the whole form). */
export type FieldMessages = Record<string, string>;

/**
 * After a failed submit, focus the first field in error, or else the form's error message,
 * so that keyboard and screen reader users land on what to fix.
 */
export async function focusFirstError(form: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
  target?.focus();
}

/**
 * A `?retour=` value when it is a path of this site, else the fallback: a link must not be
 * able to send the person to another site after signing in (open redirect). `//host` and
 * `/\host` are other sites for a browser.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return /[\u0000-\u001f\u007f]/.test(value) ? fallback : value;
}

/** The token of a mail link (`#jeton=…`): in the fragment, which browsers never send to a server. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('jeton');
  return token ? token : null;
}

/**
 * The state of an account form and its submit: `attempt` sends the mutation and returns
 * its userErrors (empty on success). They are shown by field, a failed request (network,
 * TOO_MANY_ATTEMPTS…, worded by error-messages.ts) above the form, and the focus goes to
 * the first error. Bind `form` with `ref="form"`. Resolves true on success.
 */
export function useAccountForm() {
  const errors = ref<FieldMessages>({});
  const submitting = ref(false);
  const form = ref<HTMLFormElement>();

  async function submit(attempt: () => Promise<readonly UserErrorLike[]>): Promise<boolean> {
    errors.value = {};
    submitting.value = true;
    try {
      errors.value = messagesByField(await attempt());
    } catch (failure) {
      errors.value = { '': failureMessage(failure) };
    } finally {
      submitting.value = false;
    }
    const succeeded = Object.keys(errors.value).length === 0;
    if (!succeeded) await focusFirstError(form.value);
    return succeeded;
  }

  return { errors, submitting, form, submit };
}
