// Cloze on the page: Check (Space, or Enter in a blank) sends what was typed in each blank, in their order.
import type { PageKind } from './pageKind';

export const clozePage: PageKind = {
  id: 'cloze',
  actions: {
    reveal: (_button, main) => ({ type: 'reveal', answers: Array.from(main.querySelectorAll<HTMLInputElement>('input[data-blank]'), (input) => input.value) }),
  },
  textFieldKey(event, field, main) {
    if (event.key !== 'Enter' || !field.closest('input[data-blank]')) return undefined;
    return main.querySelector<HTMLElement>('[data-action="reveal"]:not([disabled])') ?? undefined;
  },
};
