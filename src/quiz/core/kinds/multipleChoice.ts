// Multiple choice: options shuffled per review (by a seed), graded at once (right: Good, wrong: Again), with the
// explanation after the answer. In Anki: a Basic note, options lettered A–… in an order fixed by the card id.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { escapeHtml } from '../../../util/core/html';
import { addIssue, type CardFieldSchemas } from '../cardFields';
import { gradeMultipleChoice, seededShuffle, shuffleOptions } from '../mcShuffle';
import { continueButton, explanationSection, fill, kindLabels } from '../quizWidgets';
import type { CardKind } from './cardKind';

function mcSchema(fields: CardFieldSchemas) {
  return z.strictObject({
    ...fields.common,
    kind: z.literal('mc'),
    options: z
      .array(fields.option)
      .min(2)
      .max(8)
      .superRefine((options, ctx) => {
        const correctCount = options.filter((option) => option.correct).length;
        if (correctCount !== 1) {
          addIssue(
            ctx,
            l10n.t('needs exactly one option with `correct: true`, found {0}', correctCount),
            l10n.t('mark the single right answer with `correct: true` and leave it off the others'),
          );
        }
      }),
    explanation: fields.text,
  });
}

export type McCard = z.output<ReturnType<typeof mcSchema>>;

/** Option indices (into the card's options) in display order; after answering, the choice (a display index). */
export interface McChoice {
  order: number[];
  chosen?: number;
  correctIndex: number;
}

const LABELS = kindLabels({
  en: { name: 'Multiple choice', options: 'Options', option: 'Option {0}', correct: 'Correct', wrong: 'Not quite', yourAnswer: 'Your answer', rightAnswer: 'Right answer' },
  'zh-cn': { name: '选择题', options: '选项', option: '选项 {0}', correct: '回答正确', wrong: '回答错误', yourAnswer: '你的答案', rightAnswer: '正确答案' },
});

const ANKI_ANSWER = { en: 'Answer', 'zh-cn': '答案' } as const;

export const multipleChoiceKind: CardKind<'mc', McCard, { choice: McChoice }, keyof (typeof LABELS)['en']> = {
  id: 'mc',
  labels: LABELS,
  ankiTag: 'multiple-choice',
  schema: mcSchema,
  fieldsHint: () => l10n.t('mc adds options and explanation'),
  fieldFixes: {
    options: () => l10n.t('add `options:` as a list of `{ en: "...", zh-cn: "...", correct: true }` items (2 to 8)'),
    correct: () => l10n.t('write `correct: true` on the right option only'),
  },
  session: {
    start(card, seed) {
      // The seed changes with every review, so the options move between reviews but not within one.
      const shuffled = shuffleOptions(
        card.options.map((option, index) => ({ ...option, index })),
        seed,
      );
      return { choice: { order: shuffled.originalIndices, correctIndex: shuffled.correctIndex } };
    },
    choose(_card, step, displayIndex) {
      const choice = step.choice;
      if (!choice || !Number.isInteger(displayIndex) || displayIndex < 0 || displayIndex >= choice.order.length) return undefined;
      step.choice = { ...choice, chosen: displayIndex };
      return gradeMultipleChoice(choice, displayIndex).rating;
    },
  },
  render(card, step, { language, trust, engine, labels }) {
    const choice = step.choice;
    if (!choice) return '';
    const own = LABELS[language];
    const answered = choice.chosen !== undefined;
    const items = choice.order.map((optionIndex, displayIndex) => {
      const option = card.options[optionIndex];
      const key = displayIndex + 1;
      const classes = ['option'];
      const badges: string[] = [];
      if (answered && displayIndex === choice.correctIndex) {
        classes.push('correct');
        badges.push(`<span class="badge badge-correct">✓ ${escapeHtml(own.rightAnswer)}</span>`);
      }
      if (answered && displayIndex === choice.chosen && displayIndex !== choice.correctIndex) {
        classes.push('wrong');
        badges.push(`<span class="badge badge-wrong">✗ ${escapeHtml(own.yourAnswer)}</span>`);
      }
      const keyAttrs = answered ? ' disabled' : ` data-key="${key}"${displayIndex === 0 ? ' data-autofocus' : ''}`;
      return (
        `<li><button type="button" class="${classes.join(' ')}" data-action="choose" data-index="${displayIndex}"${keyAttrs} aria-keyshortcuts="${key}" aria-labelledby="option-${key}-key option-${key}-text">` +
        `<span class="key" id="option-${key}-key" aria-label="${escapeHtml(fill(own.option, key))}">${key}</span><span class="text" id="option-${key}-text">${engine.renderInline(option.text[language], trust)}</span>${badges.join('')}</button></li>`
      );
    });
    const parts = [`<ol class="options" aria-label="${escapeHtml(own.options)}">${items.join('')}</ol>`];
    if (answered) {
      const correct = choice.chosen === choice.correctIndex;
      parts.push(`<p class="verdict ${correct ? 'verdict-correct' : 'verdict-wrong'}" role="status">${correct ? '✓' : '✗'} ${escapeHtml(correct ? own.correct : own.wrong)}</p>`);
      parts.push(explanationSection(card.explanation[language], trust, engine, labels), continueButton(labels));
    }
    return parts.join('');
  },
  anki(card, { language, block, inline, listItems }) {
    // Anki shows options in a fixed order, so shuffle once (by card id) rather than keep the authored order.
    const options = seededShuffle(card.options, card.id);
    const correctIndex = options.findIndex((option) => option.correct);
    const letter = String.fromCharCode(65 + correctIndex);
    const front = `${block(card.prompt[language])}<ol type="A">${listItems(options.map((option) => option.text[language]))}</ol>`;
    const back = `<p><b>${ANKI_ANSWER[language]}: ${letter}.</b> ${inline(options[correctIndex].text[language])}</p>${block(card.explanation[language])}`;
    return { noteType: 'Basic', front, back };
  },
};
