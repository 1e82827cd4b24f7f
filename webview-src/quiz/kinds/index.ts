// The one list of card kinds on the quiz page (the host's list is src/quiz/core/kinds/registry.ts).
import { clozePage } from './cloze';
import { codePage } from './code';
import { multipleChoicePage } from './multipleChoice';
import type { PageKind } from './pageKind';
import { recallPage } from './recall';

export type { PageKind };

export const PAGE_KINDS: readonly PageKind[] = [multipleChoicePage, recallPage, clozePage, codePage];

/** The kind of the card on screen, from its article's `card-<id>` class. */
export function pageKindOf(main: HTMLElement): PageKind | undefined {
  const card = main.querySelector('article.card');
  return card ? PAGE_KINDS.find((kind) => card.classList.contains(`card-${kind.id}`)) : undefined;
}
