import { characterCount } from '../character-count.js';
import { UserError, UserErrorCode } from './user-error.js';

/**
 * Shared input checks: what every service does with the free text and numbers of a
 * mutation's input, collecting userErrors at their field paths. In core/ because services of
 * many modules use it (suppliers, offerings, memberships, API keys, shortlists) and it
 * depends on none of them. Free text is plain text: stored as typed (trimmed, NFC) and
 * always shown as text, never as markup; control characters are refused (they hide text or
 * break exports).
 */

/**
 * C0 and C1 controls, and bidirectional overrides (they reorder what a reader sees);
 * multi-line text keeps tab and line breaks.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export interface TextRule {
  /** French name of the field, as in "<label> ne peut pas dépasser…". */
  label: string;
  max: number;
  min?: number;
  multiline?: boolean;
  required?: boolean;
}

/** Collects the userErrors of one input, each at its field path. */
export class InputCheck {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  fail(field: string[], code: UserErrorCode, message: string): void {
    this.errors.push(UserError.of(field, code, message));
  }

  /** The cleaned text ('' when blank and not required), or null after a failure. */
  text(field: string[], raw: string, rule: TextRule): string | null {
    const controls = rule.multiline ? CONTROL_CHARACTERS_BUT_LINES : CONTROL_CHARACTERS;
    if (controls.test(raw)) {
      this.fail(field, UserErrorCode.INVALID, `${rule.label} contient des caractères de contrôle invisibles : retirez-les.`);
      return null;
    }
    const normalized = raw.normalize('NFC');
    const value = rule.multiline
      ? normalized.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()
      : normalized.replace(/\s+/g, ' ').trim();
    const length = characterCount(value);
    if (value === '' && rule.required) {
      this.fail(field, UserErrorCode.BLANK, `${rule.label} est obligatoire.`);
      return null;
    }
    if (value !== '' && rule.min !== undefined && length < rule.min) {
      this.fail(field, UserErrorCode.TOO_SHORT, `${rule.label} doit compter au moins ${rule.min} caractères.`);
      return null;
    }
    if (length > rule.max) {
      this.fail(field, UserErrorCode.TOO_LONG, `${rule.label} ne peut pas dépasser ${rule.max.toLocaleString('fr-FR')} caractères (${length.toLocaleString('fr-FR')} saisis).`);
      return null;
    }
    return value;
  }

  /** An integer within bounds, or null after a failure. */
  integer(field: string[], value: number, bounds: { min: number; max: number }, message: string): number | null {
    if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
      this.fail(field, UserErrorCode.OUT_OF_RANGE, message);
      return null;
    }
    return value;
  }
}

