import { createHash } from 'node:crypto';
import type { ContentLanguage } from '../../content/core/language';
import { localize, otherLanguage } from '../../content/core/language';
import type { MarkdownEngine, RenderEnv, Trust } from '../../content/core/markdownEngine';
import type { Topic } from '../../content/core/topicParser';
import { escapeHtml } from '../../util/core/html';
import { renderShell, type WebviewResources } from './webviewShell';

export type { WebviewResources };

export interface TopicNeighbour {
  key: string;
  title: string;
}

export interface TopicViewModel {
  topicKey: string;
  topic: Topic;
  trust: Trust;
  language: ContentLanguage;
  deckLabel: string;
  previous?: TopicNeighbour;
  next?: TopicNeighbour;
  /** The topics its front matter names as related, that exist (in its language). */
  related?: readonly TopicNeighbour[];
  /** Snippet ids that exist and can be opened from the panel; empty hides the buttons. */
  openableSnippets: { id: string; title: string }[];
  /** Whether the quiz feature exists; false hides its button. */
  canQuiz: boolean;
  /** The practice problems that name this topic, with their difficulty and whether the learner solved them. */
  problems?: readonly { key: string; title: string; difficulty: 'easy' | 'medium' | 'hard'; solved: boolean }[];
  /** Indices of the checklist items the user ticked (kept per topic). */
  checked?: readonly number[];
}

/** The panel's own words, in the content's language so a page never mixes two languages. */
const LABELS: Record<ContentLanguage, Record<string, string>> = {
  en: {
    question: 'Interview question',
    checklist: 'What the interviewer listens for',
    checklistHint: 'Tick each point your own answer covered.',
    references: 'References',
    related: 'Related topics',
    problems: 'Practice problems',
    difficulty: 'easy|medium|hard',
    solved: 'solved',
    previous: 'Previous',
    next: 'Next',
    switchLanguage: '中文',
    switchLanguageLabel: 'Show this topic in Chinese',
    snippet: 'Open snippet',
    quiz: 'Quiz this topic',
    topicNavigation: 'Topic navigation',
    actions: 'Actions',
    unavailableTitle: 'This topic is not available',
    unavailable: 'Its file was deleted, renamed, or now has an error (see the Problems panel). This panel shows the topic again as soon as its file loads.',
  },
  'zh-cn': {
    question: '面试题',
    checklist: '面试官想听到的要点',
    checklistHint: '逐条勾选你自己的回答覆盖到的要点。',
    references: '参考文献',
    related: '相关题目',
    problems: '编程练习',
    difficulty: '简单|中等|困难',
    solved: '已解出',
    previous: '上一题',
    next: '下一题',
    switchLanguage: 'English',
    switchLanguageLabel: '用英文显示本题',
    snippet: '打开代码',
    quiz: '测验本题',
    topicNavigation: '题目导航',
    actions: '操作',
    unavailableTitle: '此题目暂不可用',
    unavailable: '它的文件已被删除、重命名，或现在有错误（见“问题”面板）。文件一旦能够加载，此面板会重新显示该题目。',
  },
};

/**
 * A topic's page. VS Code shows a webview's frame once its document has loaded, and it parses the document twice on
 * the way (to add its own script, then into the frame): a long article would hold back the first paint. So the
 * document holds the title, the question and the answer's first section ("In 30 seconds"), and an empty placeholder
 * wherever the rest goes; after its first paint the page asks for the rest (`deferredParts`), which the host renders
 * only then, and puts it in place (webview-src/topic.ts).
 */
export interface TopicPage {
  html: string;
  /** What goes into each placeholder, by its index: rendered on the first call (when the page has painted and asks). */
  deferredParts(): string[];
  /** Names this page's content: the page asks for its parts with it, and a page whose content changed is a new document. */
  renderId: string;
}

/** A placeholder's element: `<template data-deferred="N"></template>` (inert, and the page finds it by the attribute). */
const placeholder = (index: number) => `<template data-deferred="${index}"></template>`;

/** The page with every placeholder filled: what the panel shows once the rest is in place (for tests and checks). */
export function withDeferredParts(page: Pick<TopicPage, 'html' | 'deferredParts'>): string {
  const parts = page.deferredParts();
  return page.html.replace(/<template data-deferred="(\d+)"><\/template>/g, (match, index: string) => parts[Number(index)] ?? match);
}

/**
 * The article: question, answer body, checklist and references. Exact HTML is unit-tested. With `defer`, everything
 * after the answer's first section goes to it unrendered (it returns what the document holds in its place).
 */
export function renderTopicArticle(model: TopicViewModel, engine: MarkdownEngine, env: RenderEnv, defer?: (render: () => string) => string): string {
  const { topic, language, trust } = model;
  const labels = LABELS[language];
  const title = localize(topic.title, language) ?? topic.id;
  const parts: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  const question = localize(topic.question, language);
  if (question) {
    parts.push(
      `<section class="question" aria-label="${escapeHtml(labels.question)}"><p class="label">${escapeHtml(labels.question)}</p>` +
        `<blockquote>${engine.renderInline(question, trust, env)}</blockquote></section>`,
    );
  }
  const body = localize(topic.body, language) ?? '';
  if (defer) {
    const { lead, rest } = engine.renderSplit(body, trust, env);
    parts.push(`<div class="answer">${lead}${defer(rest)}</div>`);
  } else {
    parts.push(`<div class="answer">${engine.render(body, trust, env)}</div>`);
  }
  parts.push(defer ? defer(() => renderTopicSections(model, engine, env)) : renderTopicSections(model, engine, env));
  return `<article lang="${language === 'zh-cn' ? 'zh-CN' : 'en'}">${parts.filter(Boolean).join('\n')}</article>`;
}

/** The sections after the answer: the checklist, references, related topics and practice problems. */
function renderTopicSections(model: TopicViewModel, engine: MarkdownEngine, env: RenderEnv): string {
  const { topic, language, trust } = model;
  const labels = LABELS[language];
  const sections: string[] = [];
  const checklist = localize(topic.checklist, language) ?? [];
  if (checklist.length > 0) {
    const items = checklist
      .map(
        (item, index) =>
          `<li><label><input type="checkbox" data-index="${index}"${model.checked?.includes(index) ? ' checked' : ''}> <span>${engine.renderInline(item, trust, env)}</span></label></li>`,
      )
      .join('');
    sections.push(
      `<section class="checklist"><h2>${escapeHtml(labels.checklist)}</h2><p class="hint">${escapeHtml(labels.checklistHint)}</p><ul>${items}</ul></section>`,
    );
  }
  if (topic.sources.length > 0) {
    const items = topic.sources
      .map((source) => {
        const byline = [source.authors, source.year?.toString()].filter(Boolean).join(', ');
        return (
          `<li><a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${escapeHtml(source.title)}</a>` +
          (byline ? ` <span class="byline">${escapeHtml(byline)}</span>` : '') +
          '</li>'
        );
      })
      .join('');
    sections.push(`<section class="references"><h2>${escapeHtml(labels.references)}</h2><ol>${items}</ol></section>`);
  }
  if (model.related && model.related.length > 0) {
    const items = model.related
      .map((related) => `<li><button type="button" class="link" data-action="openTopic" data-topic-key="${escapeHtml(related.key)}">${escapeHtml(related.title)}</button></li>`)
      .join('');
    sections.push(`<section class="related"><h2>${escapeHtml(labels.related)}</h2><ul>${items}</ul></section>`);
  }
  if (model.problems && model.problems.length > 0) {
    const difficulty = labels.difficulty.split('|');
    const items = model.problems
      .map((problem) => {
        const level = difficulty[['easy', 'medium', 'hard'].indexOf(problem.difficulty)];
        const meta = problem.solved ? `${level} · ${labels.solved}` : level;
        return `<li><button type="button" class="link" data-action="openProblem" data-problem-key="${escapeHtml(problem.key)}">${escapeHtml(problem.title)}</button> <span class="byline">${escapeHtml(meta)}</span></li>`;
      })
      .join('');
    sections.push(`<section class="problems"><h2>${escapeHtml(labels.problems)}</h2><ul>${items}</ul></section>`);
  }
  return sections.join('\n');
}

/** The whole webview page (see TopicPage), locked down by a CSP whose only script is ours, by nonce. */
export function renderTopicDocument(model: TopicViewModel, resources: WebviewResources, engine: MarkdownEngine, env: RenderEnv): TopicPage {
  const labels = LABELS[model.language];
  const renderers: (() => string)[] = [];
  const defer = (render: () => string) => placeholder(renderers.push(render) - 1);
  const body = `${renderToolbar(model, labels)}\n<main>\n${renderTopicArticle(model, engine, env, defer)}\n</main>\n${defer(() => renderNavigation(model, labels))}`;
  // What the page shows follows from the model (built-in diagrams, the one input outside it, do not change at run time).
  const renderId = createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 16);
  let parts: string[] | undefined;
  const html = renderShell({
    language: model.language,
    title: localize(model.topic.title, model.language) ?? model.topic.id,
    resources,
    state: { topicKey: model.topicKey, language: model.language, renderId },
    body,
    // Not known before the rest is rendered: the rest of a topic may hold math even when its lead has none.
    math: true,
  });
  return { html, renderId, deferredParts: () => (parts ??= renderers.map((render) => render())) };
}

/**
 * Shown in place of a topic whose file was deleted or broke while its panel was open: closing the panel under the
 * reader (say, mid-edit of their own deck) would lose their place, so it waits for the file to load again.
 */
export function renderTopicUnavailableDocument(options: { topicKey: string; language: ContentLanguage; title: string; resources: WebviewResources }): string {
  const labels = LABELS[options.language];
  const lang = options.language === 'zh-cn' ? 'zh-CN' : 'en';
  return renderShell({
    language: options.language,
    title: options.title,
    resources: options.resources,
    state: { topicKey: options.topicKey, language: options.language },
    body: `<main>\n<article lang="${lang}" class="unavailable" role="status"><h1>${escapeHtml(labels.unavailableTitle)}</h1><p>${escapeHtml(labels.unavailable)}</p></article>\n</main>`,
  });
}

function renderToolbar(model: TopicViewModel, labels: Record<string, string>): string {
  const buttons = [
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button>`,
    ...model.openableSnippets.map(
      (snippet) =>
        `<button type="button" data-action="openSnippet" data-snippet-id="${escapeHtml(snippet.id)}" title="${escapeHtml(snippet.title)}">${escapeHtml(labels.snippet)}: ${escapeHtml(snippet.id)}.ts</button>`,
    ),
  ];
  if (model.canQuiz) buttons.push(`<button type="button" data-action="quizTopic">${escapeHtml(labels.quiz)}</button>`);
  return `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="deck">${escapeHtml(model.deckLabel)}</span><span class="spacer"></span>${buttons.join('')}</header>`;
}

function renderNavigation(model: TopicViewModel, labels: Record<string, string>): string {
  const link = (neighbour: TopicNeighbour | undefined, label: string, rel: string) =>
    neighbour
      ? `<button type="button" class="${rel}" data-action="openTopic" data-topic-key="${escapeHtml(neighbour.key)}"><span class="dir">${escapeHtml(label)}</span><span class="title">${escapeHtml(neighbour.title)}</span></button>`
      : '<span></span>';
  return `<nav class="pager" aria-label="${escapeHtml(labels.topicNavigation)}">${link(model.previous, labels.previous, 'previous')}${link(model.next, labels.next, 'next')}</nav>`;
}
