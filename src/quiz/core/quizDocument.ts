// Renders the quiz panel to HTML on the host: the document shell (CSP by nonce) and the <main> content for the
// session's current view. vscode-free, so the HTML is unit-tested. A card's body (below its prompt) is its kind's
// (kinds/registry.ts).
import { localize, otherLanguage, type ContentLanguage } from '../../content/core/language';
import type { MarkdownEngine } from '../../content/core/markdownEngine';
import { escapeHtml } from '../../util/core/html';
import { renderShell, type WebviewResources } from '../../webview/core/webviewShell';
import { cardKindOf } from './kinds/registry';
import type { QueueReason } from './queue';
import { deckOfScope, type CardView, type EmptyView, type SessionView } from './quizSession';
import { fill, QUIZ_LABELS, type QuizLabels } from './quizWidgets';
import { formatInterval } from './scheduler';

export type { QuizLabels, WebviewResources };
export { fill, QUIZ_LABELS };

export interface QuizPageModel {
  language: ContentLanguage;
  /** Set when the session is limited to one topic. */
  topicKey?: string;
  topicTitle?: string;
  view: SessionView;
  now: Date;
  /** A code check is running: its button shows it and is disabled. */
  checking?: boolean;
  /** The quiz is the active editor: the page may move the keyboard focus to the step's main control when it loads. */
  focus?: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local "YYYY-MM-DD HH:MM", the same in every locale. */
export function formatDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The whole quiz document; later steps replace only the content of <main> (renderQuizMain). */
/** `main` is the content of <main> when the caller has rendered it already (the card is rendered once). */
export function renderQuizDocument(model: QuizPageModel, resources: WebviewResources, engine: MarkdownEngine, main = renderQuizMain(model, engine)): string {
  const labels = QUIZ_LABELS[model.language];
  const scopeLabel = model.topicKey !== undefined && deckOfScope(model.topicKey) !== undefined ? labels.deckScope : labels.topicScope;
  const scope = model.topicKey !== undefined ? fill(scopeLabel, model.topicTitle ?? model.topicKey) : labels.allTopics;
  const toolbar =
    `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="scope">${escapeHtml(scope)}</span><span class="spacer"></span>` +
    `<button type="button" data-action="showProgress" aria-label="${escapeHtml(labels.progressLabel)}">${escapeHtml(labels.progress)}</button>` +
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button></header>`;
  const body = `${toolbar}\n<main id="quiz" aria-live="polite">${main}</main>\n<footer class="keys">${escapeHtml(labels.keys)}</footer>`;
  return renderShell({ language: model.language, title: `${labels.title} — ${scope}`, resources, state: { topicKey: model.topicKey, language: model.language, focus: model.focus === true }, body, math: true });
}

/** The content of <main> for the current view. */
export function renderQuizMain(model: QuizPageModel, engine: MarkdownEngine): string {
  const content = model.view.kind === 'empty' ? renderEmpty(model.view, model) : renderCard(model.view, model, engine);
  return model.view.canUndo ? `${content}${undoButton(QUIZ_LABELS[model.language])}` : content;
}

/** Takes back the last rating of the session (also Ctrl+Z / Cmd+Z in the page). */
function undoButton(labels: QuizLabels): string {
  return `<p class="undo"><button type="button" class="secondary" data-action="undo" data-key="undo" aria-keyshortcuts="Control+Z Meta+Z" aria-label="${escapeHtml(labels.undoLabel)}" title="${escapeHtml(labels.undoLabel)}">↶ ${escapeHtml(labels.undo)}</button></p>`;
}

function renderEmpty(view: EmptyView, model: QuizPageModel): string {
  const labels = QUIZ_LABELS[model.language];
  const parts = [`<h1 tabindex="-1" data-autofocus>${escapeHtml(view.practisingAhead ? labels.aheadDone : labels.emptyTitle)}</h1>`];
  if (view.answered > 0) parts.push(`<p>${escapeHtml(view.answered === 1 ? labels.emptyDoneOne : fill(labels.emptyDone, view.answered))}</p>`);
  const next = view.nextDueAt
    ? fill(labels.nextDue, formatInterval(Math.max(0, view.nextDueAt.getTime() - model.now.getTime())), formatDateTime(view.nextDueAt))
    : labels.noneScheduled;
  parts.push(`<p class="next-due">${escapeHtml(next)}</p>`);
  if (view.canPractiseAhead) {
    parts.push(
      `<p><button type="button" class="primary" data-action="practiseAhead" data-key="enter" aria-label="${escapeHtml(labels.practiseAheadLabel)}">${escapeHtml(labels.practiseAhead)}</button></p>`,
    );
  }
  return `<section class="empty">${parts.join('')}</section>`;
}

function renderCounts(view: CardView, labels: QuizLabels): string {
  const { counts } = view;
  const text = fill(labels.counts, counts.learning, counts.review, counts.new) + (counts.ahead > 0 ? ` · ${fill(labels.countsAhead, counts.ahead)}` : '');
  return `<span class="counts">${escapeHtml(text)}</span>`;
}

function renderCard(view: CardView, model: QuizPageModel, engine: MarkdownEngine): string {
  const labels = QUIZ_LABELS[model.language];
  const { card, trust } = view.item;
  const kind = cardKindOf(card);
  const reasonLabel: Record<QueueReason, string> = { learning: labels.reason_learning, review: labels.reason_review, new: labels.reason_new, ahead: labels.reason_ahead };
  const topic = localize(view.item.topicTitle, model.language) ?? view.item.topicKey;
  const meta =
    `<p class="meta"><span class="topic">${escapeHtml(topic)}</span> · <span class="kind">${escapeHtml(kind.labels[model.language].name)}</span>` +
    ` · <span class="reason reason-${view.reason}">${escapeHtml(reasonLabel[view.reason])}</span>${renderCounts(view, labels)}</p>`;
  const prompt = `<div class="prompt" id="prompt">${engine.render(card.prompt[model.language], trust)}</div>`;
  const lang = model.language === 'zh-cn' ? 'zh-CN' : 'en';
  const body = kind.render(card, { ...view, itemId: view.item.id }, { language: model.language, trust, engine, labels, checking: model.checking === true });
  return `<article class="card card-${card.kind}" lang="${lang}" aria-labelledby="prompt">${meta}${prompt}${body}</article>`;
}
