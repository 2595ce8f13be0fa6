import { nextTick, onScopeDispose, ref, watch, type Ref } from 'vue';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A full-screen menu opened by a button, as the DSFR's header menu behaves with its own
 * JavaScript (which this product does not load): while open, the focus stays inside, Escape
 * closes it, and the page behind does not scroll; closing it gives the focus back to the button.
 */
export function useMenuDialog(dialog: Ref<HTMLElement | null>, opener: Ref<HTMLElement | null>) {
  const isOpen = ref(false);
  let scrollY = 0;

  function lockScroll(locked: boolean): void {
    const root = document.documentElement;
    // The DSFR's scroll lock: `:root[data-fr-scrolling] body` is fixed, moved up by the scroll.
    if (locked) {
      scrollY = window.scrollY;
      root.setAttribute('data-fr-scrolling', 'false');
      document.body.style.top = `${-scrollY}px`;
    } else if (root.hasAttribute('data-fr-scrolling')) {
      root.removeAttribute('data-fr-scrolling');
      document.body.style.top = '';
      window.scrollTo(0, scrollY);
    }
  }

  function focusables(): HTMLElement[] {
    return [...(dialog.value?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      close({ returnFocus: true });
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inside = dialog.value?.contains(document.activeElement) ?? false;
    if (!inside || (event.shiftKey && document.activeElement === first)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  async function open(): Promise<void> {
    if (isOpen.value) return;
    isOpen.value = true;
    lockScroll(true);
    document.addEventListener('keydown', onKeydown);
    await nextTick();
    focusables()[0]?.focus();
  }

  function close({ returnFocus }: { returnFocus: boolean }): void {
    if (!isOpen.value) return;
    isOpen.value = false;
    lockScroll(false);
    document.removeEventListener('keydown', onKeydown);
    if (returnFocus) opener.value?.focus();
  }

  // The menu's markup can go away while it is open (the window grew past the breakpoint).
  watch(dialog, (element) => {
    if (!element) close({ returnFocus: false });
  });
  onScopeDispose(() => close({ returnFocus: false }));

  return { isOpen, open, close };
}
