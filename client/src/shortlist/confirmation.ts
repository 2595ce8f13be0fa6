import { nextTick, ref } from 'vue';

/**
 * A destructive action confirmed inline: the question opens with the focus on "Annuler"
 * (the safe choice), and closing it gives the focus back to the button that opened it.
 */
export function useConfirmation() {
  const confirming = ref(false);
  /** The button that opens the question (template ref). */
  const trigger = ref<HTMLButtonElement | null>(null);
  /** The question's "Annuler" button (template ref). */
  const cancelButton = ref<HTMLButtonElement | null>(null);

  async function ask() {
    confirming.value = true;
    await nextTick();
    cancelButton.value?.focus();
  }

  async function cancel() {
    confirming.value = false;
    await nextTick();
    trigger.value?.focus();
  }

  return { confirming, trigger, cancelButton, ask, cancel, toggle: () => (confirming.value ? cancel() : ask()) };
}
