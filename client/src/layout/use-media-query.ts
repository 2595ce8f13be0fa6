import { onScopeDispose, readonly, ref, type Ref } from 'vue';

/** The DSFR's "lg" breakpoint: from here the header shows its links, below it folds them into the menu. */
export const DESKTOP_QUERY = '(min-width: 62em)';

/** Whether a CSS media query matches, kept up to date as the window is resized or rotated. */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  if (list) {
    const update = (event: MediaQueryListEvent) => {
      matches.value = event.matches;
    };
    list.addEventListener('change', update);
    onScopeDispose(() => list.removeEventListener('change', update));
  }
  return readonly(matches);
}
