// Recall on the page: Show answer (Space), then the checklist's ticks go to the host, which proposes a rating.
import type { PageKind } from './pageKind';

export const recallPage: PageKind = {
  id: 'recall',
  actions: {
    reveal: () => ({ type: 'reveal' }),
  },
  inputChanged(input, main) {
    if (!input.closest('input[data-checklist]')) return undefined;
    const checked = [...main.querySelectorAll<HTMLInputElement>('input[data-checklist]')].filter((box) => box.checked).map((box) => Number(box.dataset.checklist));
    return { type: 'setChecklist', checked };
  },
};
