// Recall: the user answers in their head, Space shows the model answer and the interviewer's checklist, the points
// ticked propose a rating, and the user rates. User-deck topics with a question and a checklist become recall cards.
// In Anki: a Basic note with the answer and the checklist on the back.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import type { LocalizedText } from '../../../content/core/language';
import { escapeHtml } from '../../../util/core/html';
import { fillMissingLanguage, type CardFieldSchemas, type CardList, type CardText } from '../cardFields';
import { Rating, type Grade } from '../scheduler';
import { kindLabels, ratingsGroup } from '../quizWidgets';
import type { CardKind } from './cardKind';

function recallSchema(fields: CardFieldSchemas) {
  return z.strictObject({
    ...fields.common,
    kind: z.literal('recall'),
    answer: fields.text,
    checklist: fields.list,
  });
}

export type RecallCard = z.output<ReturnType<typeof recallSchema>>;

/**
 * The rating a ticked checklist suggests: every point covered → Good, at least half → Hard, fewer → Again. Easy
 * stays the user's own call.
 */
export function ratingFromChecklist(checked: number, total: number): Grade {
  if (total <= 0 || checked >= total) return Rating.Good;
  return checked * 2 >= total ? Rating.Hard : Rating.Again;
}

/**
 * Makes a recall card from a user-deck topic (its question, answer body and checklist), so user decks join quizzes.
 * A text or list given in one language only serves both.
 */
export function recallCardFromTopic(topic: { id: string; question: LocalizedText; answer: LocalizedText; checklist: Partial<CardList> }): RecallCard {
  return {
    id: `${topic.id}/recall`,
    topic: topic.id,
    kind: 'recall',
    prompt: fillMissingLanguage(topic.question) as CardText,
    answer: fillMissingLanguage(topic.answer) as CardText,
    checklist: fillMissingLanguage(topic.checklist) as CardList,
  };
}

const LABELS = kindLabels({
  en: {
    name: 'Recall',
    reveal: 'Show answer',
    revealLabel: 'Show the model answer (Space)',
    answer: 'Model answer',
    checklist: 'What the interviewer listens for',
    checklistTick: 'Tick the points your answer covered; the rating is proposed from them.',
  },
  'zh-cn': {
    name: '回忆题',
    reveal: '显示答案',
    revealLabel: '显示参考答案（空格）',
    answer: '参考答案',
    checklist: '面试官想听到的要点',
    checklistTick: '勾选你的回答覆盖到的要点，系统据此建议评分。',
  },
});

const ANKI_CHECKLIST = { en: 'What the interviewer listens for', 'zh-cn': '面试官想听到的要点' } as const;

export const recallKind: CardKind<'recall', RecallCard, { checked: number[] }, keyof (typeof LABELS)['en']> = {
  id: 'recall',
  labels: LABELS,
  ankiTag: 'recall',
  schema: recallSchema,
  fieldsHint: () => l10n.t('recall adds answer and checklist'),
  fieldFixes: {
    answer: () => l10n.t('add `answer: { en: "...", zh-cn: "..." }` with the model answer'),
    checklist: () => l10n.t('add `checklist: { en: ["..."], zh-cn: ["..."] }` with the same number of points in both'),
  },
  session: {
    reveal() {
      // Showing the answer is all: the checklist and the ratings come with it.
    },
    setChecklist(card, step, checked) {
      const total = card.checklist.en.length;
      step.checked = [...new Set(checked)].filter((index) => Number.isInteger(index) && index >= 0 && index < total).sort((a, b) => a - b);
      step.proposed = ratingFromChecklist(step.checked.length, total);
      return true;
    },
  },
  render(card, step, { language, trust, engine, labels }) {
    const own = LABELS[language];
    if (step.phase === 'question') {
      return `<p class="actions"><button type="button" class="primary" data-action="reveal" data-key="space" data-autofocus aria-keyshortcuts="Space" aria-label="${escapeHtml(own.revealLabel)}">${escapeHtml(own.reveal)}</button></p>`;
    }
    const checklist = card.checklist[language]
      .map(
        (item, index) =>
          `<li><label><input type="checkbox" data-checklist="${index}" id="check-${index}"${step.checked?.includes(index) ? ' checked' : ''}> <span>${engine.renderInline(item, trust)}</span></label></li>`,
      )
      .join('');
    return (
      `<section class="answer"><h2>${escapeHtml(own.answer)}</h2>${engine.render(card.answer[language], trust)}</section>` +
      `<section class="checklist"><h2>${escapeHtml(own.checklist)}</h2><p class="hint">${escapeHtml(own.checklistTick)}</p><ul>${checklist}</ul></section>` +
      ratingsGroup(step.previews, labels, step.proposed ?? 3, step.proposed !== undefined)
    );
  },
  anki(card, { language, block, listItems }) {
    return { noteType: 'Basic', front: block(card.prompt[language]), back: `${block(card.answer[language])}<p><b>${ANKI_CHECKLIST[language]}</b></p><ul>${listItems(card.checklist[language])}</ul>` };
  },
};
