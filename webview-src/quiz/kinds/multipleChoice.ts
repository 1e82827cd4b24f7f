// Multiple choice on the page: an option button (or its key, 1–8) sends its place on screen.
import type { PageKind } from './pageKind';

export const multipleChoicePage: PageKind = {
  id: 'mc',
  actions: {
    choose: (button) => ({ type: 'choose', index: Number(button.dataset.index) }),
  },
};
