import { computed, ref, type Ref } from 'vue';
import { failureMessage, messagesByField, type UserErrorLike } from '../../graphql/error-messages';
import { focusFirstError } from './form-errors';

/** What a save gave: local problems (nothing sent), or the API's payload. */
export type SaveOutcome<TRecord> =
  | { problems: Record<string, string> }
  | { record: TRecord | null; userErrors: readonly UserErrorLike[] };

export interface VersionedFormOptions<TRecord, TDraft extends object> {
  /** The record read (null: a new one). */
  initial: TRecord | null;
  draftOf: (record: TRecord | null) => TDraft;
  changedFields: (from: TDraft, to: TDraft) => (keyof TDraft & string)[];
  /** Sends the draft, starting from `base` (its version). */
  save: (draft: TDraft, base: TRecord | null) => Promise<SaveOutcome<TRecord>>;
  savedMessage: (created: boolean) => string;
  onSaved: (record: TRecord, created: boolean) => void;
}

/**
 * The save flow of an edit form of a versioned record: server errors by field with the
 * focus on the first one, and a conflict (STALE_VERSION) that keeps what was typed until
 * the person reloads the server's version or reapplies their own changes on top of it.
 */
export function useVersionedForm<TRecord, TDraft extends object>(options: VersionedFormOptions<TRecord, TDraft>) {
  const form = ref<HTMLFormElement>();
  const base = ref(options.initial) as Ref<TRecord | null>;
  const draft = ref(options.draftOf(options.initial)) as Ref<TDraft>;
  const errors = ref<Record<string, string>>({});
  /** The server's version after a conflict, until the person chooses. */
  const conflict = ref(null) as Ref<TRecord | null>;
  const saving = ref(false);
  const status = ref('');

  /** Fields someone else changed: those that differ between the version read and the server's. */
  const conflictFields = computed(() =>
    conflict.value ? options.changedFields(options.draftOf(base.value), options.draftOf(conflict.value)) : [],
  );

  async function fail(messages: Record<string, string>): Promise<void> {
    errors.value = messages;
    await focusFirstError(form.value);
  }

  async function submit(): Promise<void> {
    errors.value = {};
    status.value = '';
    saving.value = true;
    try {
      const created = base.value === null;
      const outcome = await options.save(draft.value, base.value);
      if ('problems' in outcome) return await fail(outcome.problems);
      if (outcome.userErrors.some((error) => error.code === 'STALE_VERSION') && outcome.record) {
        conflict.value = outcome.record;
        return await focusFirstError(form.value);
      }
      if (outcome.userErrors.length) return await fail(messagesByField(outcome.userErrors));
      if (outcome.record) {
        conflict.value = null;
        base.value = outcome.record;
        draft.value = options.draftOf(outcome.record);
        status.value = options.savedMessage(created);
        options.onSaved(outcome.record, created);
      }
    } catch (failure) {
      await fail({ '': `L’enregistrement a échoué. ${failureMessage(failure)} Vos saisies sont conservées.` });
    } finally {
      saving.value = false;
    }
  }

  /** Drops what was typed for the server's version. */
  function reload(): void {
    if (!conflict.value) return;
    base.value = conflict.value;
    draft.value = options.draftOf(conflict.value);
    conflict.value = null;
    errors.value = {};
  }

  /** Reapplies the fields this person changed on top of the server's version (the others' changes stay), and sends again. */
  async function keepMine(): Promise<void> {
    if (!conflict.value) return;
    const mine = options.changedFields(options.draftOf(base.value), draft.value);
    const merged = options.draftOf(conflict.value);
    for (const field of mine) merged[field] = draft.value[field];
    base.value = conflict.value;
    draft.value = merged;
    conflict.value = null;
    await submit();
  }

  return { form, base, draft, errors, conflict, conflictFields, saving, status, submit, reload, keepMine };
}
