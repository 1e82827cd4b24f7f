// The quiz panel's shared words and the pieces of HTML every kind uses: rating buttons, the explanation, Continue.
// vscode-free; the card kinds (kinds/) and the quiz document (quizDocument.ts) build on it.
import type { ContentLanguage } from '../../content/core/language';
import type { MarkdownEngine, Trust } from '../../content/core/markdownEngine';
import { escapeHtml } from '../../util/core/html';
import type { RatingPreview } from './scheduler';

/** The panel's own words, in the content language so a page never mixes two languages. */
export const QUIZ_LABELS = {
  en: {
    title: 'Quiz',
    actions: 'Quiz actions',
    allTopics: 'All topics',
    topicScope: 'Topic: {0}',
    deckScope: 'Track: {0}',
    switchLanguage: '中文',
    switchLanguageLabel: 'Show the quiz in Chinese',
    progress: 'Progress',
    progressLabel: 'Show progress',
    counts: '{0} learning · {1} review · {2} new',
    countsAhead: '{0} ahead',
    reason_learning: 'Learning',
    reason_review: 'Review',
    reason_new: 'New',
    reason_ahead: 'Practising ahead',
    explanation: 'Explanation',
    continue: 'Continue',
    continueLabel: 'Continue to the next card (Enter)',
    rateGroup: 'How well did you recall it?',
    rating_1: 'Again',
    rating_2: 'Hard',
    rating_3: 'Good',
    rating_4: 'Easy',
    rateLabel: '{0}: next review in {1} (key {2})',
    suggested: 'suggested',
    undo: 'Undo last rating',
    undoLabel: 'Undo the last rating and show its card again (Ctrl+Z)',
    emptyTitle: 'Nothing is due right now',
    emptyDone: 'You answered {0} cards in this session.',
    emptyDoneOne: 'You answered 1 card in this session.',
    nextDue: 'The next card is due in {0} ({1}).',
    noneScheduled: 'No card is scheduled yet.',
    practiseAhead: 'Practise ahead',
    practiseAheadLabel: 'Review cards before they are due',
    aheadDone: 'You have practised every card ahead of time.',
    keys: 'Keys: 1–4 choose or rate · Space show answer · Enter continue · Ctrl+Z undo',
  },
  'zh-cn': {
    title: '测验',
    actions: '测验操作',
    allTopics: '全部题目',
    topicScope: '题目：{0}',
    deckScope: '专题：{0}',
    switchLanguage: 'English',
    switchLanguageLabel: '用英文显示测验',
    progress: '进度',
    progressLabel: '查看学习进度',
    counts: '学习中 {0} · 复习 {1} · 新卡 {2}',
    countsAhead: '提前 {0}',
    reason_learning: '学习中',
    reason_review: '复习',
    reason_new: '新卡',
    reason_ahead: '提前练习',
    explanation: '解析',
    continue: '继续',
    continueLabel: '继续下一张卡片（Enter）',
    rateGroup: '你记得怎么样？',
    rating_1: '重来',
    rating_2: '困难',
    rating_3: '良好',
    rating_4: '简单',
    rateLabel: '{0}：下次复习在 {1} 后（按键 {2}）',
    suggested: '建议',
    undo: '撤销上次评分',
    undoLabel: '撤销上次评分并重新显示那张卡片（Ctrl+Z）',
    emptyTitle: '现在没有到期的卡片',
    emptyDone: '本次测验你回答了 {0} 张卡片。',
    emptyDoneOne: '本次测验你回答了 1 张卡片。',
    nextDue: '下一张卡片在 {0} 后到期（{1}）。',
    noneScheduled: '还没有安排任何卡片。',
    practiseAhead: '提前练习',
    practiseAheadLabel: '在到期之前复习卡片',
    aheadDone: '所有卡片都已提前练习过。',
    keys: '按键：1–4 选择或评分 · 空格 显示答案 · Enter 继续 · Ctrl+Z 撤销',
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

export type QuizLabels = Record<keyof (typeof QUIZ_LABELS)['en'], string>;

/** Fills {0}, {1}… in a label. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] === undefined ? match : String(values[Number(index)])));
}

/** A kind's own labels, with the same keys in both languages (the compiler checks the Chinese against the English). */
export function kindLabels<K extends string>(labels: { en: Record<K | 'name', string>; 'zh-cn': Record<K | 'name', string> }): Record<ContentLanguage, Record<K | 'name', string>> {
  return labels;
}

/** One rating button; `marked` shows the proposed rating as suggested (the user still chooses). */
function ratingButton(preview: RatingPreview, labels: QuizLabels, proposed: number, marked: boolean): string {
  const name = labels[`rating_${preview.rating}`];
  const suggested = marked && preview.rating === proposed;
  return (
    `<button type="button" class="rating rating-${preview.rating}${suggested ? ' suggested' : ''}" data-action="rate" data-rating="${preview.rating}" data-key="${preview.rating}"${preview.rating === proposed ? ' data-autofocus' : ''}` +
    ` aria-keyshortcuts="${preview.rating}" aria-label="${escapeHtml(fill(labels.rateLabel, name, preview.label, preview.rating))}${suggested ? ` (${escapeHtml(labels.suggested)})` : ''}">` +
    `<span class="key" aria-hidden="true">${preview.rating}</span> <span class="name">${escapeHtml(name)}</span> <span class="interval">${escapeHtml(preview.label)}</span>` +
    `${suggested ? ` <span class="suggested-badge">${escapeHtml(labels.suggested)}</span>` : ''}</button>`
  );
}

/** The four rating buttons with the interval each gives; the proposed one has the focus (and, when marked, a badge). */
export function ratingsGroup(previews: readonly RatingPreview[] | undefined, labels: QuizLabels, proposed = 3, marked = false): string {
  const buttons = (previews ?? []).map((preview) => ratingButton(preview, labels, proposed, marked)).join('');
  return `<div class="ratings" role="group" aria-label="${escapeHtml(labels.rateGroup)}"><p class="label">${escapeHtml(labels.rateGroup)}</p>${buttons}</div>`;
}

export function continueButton(labels: QuizLabels): string {
  return `<p class="actions"><button type="button" class="primary" data-action="next" data-key="enter" data-autofocus aria-label="${escapeHtml(labels.continueLabel)}">${escapeHtml(labels.continue)}</button></p>`;
}

export function explanationSection(markdown: string, trust: Trust, engine: MarkdownEngine, labels: QuizLabels, heading = labels.explanation, className = 'explanation'): string {
  return `<section class="${className}"><h2>${escapeHtml(heading)}</h2>${engine.render(markdown, trust)}</section>`;
}
