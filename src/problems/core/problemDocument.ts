// The problem panel's document: the statement, signature, hints revealed one at a time, the last check, and — once
// solved, or when asked for — the reference solutions and their explanation. vscode-free; the host fills the model.
import { localize, otherLanguage, type ContentLanguage } from '../../content/core/language';
import type { MarkdownEngine, Trust } from '../../content/core/markdownEngine';
import { escapeHtml } from '../../util/core/html';
import { renderShell, type WebviewResources } from '../../webview/core/webviewShell';
import type { Problem } from './problemLoader';
import type { PracticeLanguage, ProblemRecord, ProblemStatus } from './problemProgress';

export interface ProblemViewModel {
  problemKey: string;
  problem: Pick<Problem, 'id' | 'title' | 'difficulty' | 'tags' | 'signature' | 'hints' | 'complexity' | 'body'>;
  language: ContentLanguage;
  trust: Trust;
  deckLabel: string;
  status: ProblemStatus;
  record?: ProblemRecord;
  /** Which languages already have an attempt file (Start then opens it; Reset is offered). */
  attempts: Record<PracticeLanguage, boolean>;
  /** Related topics that exist. */
  topics: readonly { key: string; title: string }[];
  /** The reference solutions: given once solved or once the learner asked for them. */
  solutions?: Record<PracticeLanguage, string>;
}

const LANGUAGE_NAMES: Record<PracticeLanguage, string> = { ts: 'TypeScript', py: 'Python' };

const LABELS = {
  en: {
    actions: 'Actions',
    switchLanguage: '中文',
    switchLanguageLabel: 'Show this problem in Chinese',
    difficulty: { easy: 'Easy', medium: 'Medium', hard: 'Hard' },
    status: { new: 'Not started', attempted: 'Attempted', solved: 'Solved' },
    start: 'Start in {0}',
    open: 'Open my {0} attempt',
    check: 'Check {0}',
    reset: 'Reset {0} to starter…',
    signature: 'Signature',
    complexity: 'Expected complexity',
    hints: 'Hints',
    revealHint: 'Show hint {0} of {1}',
    noMoreHints: 'All hints shown.',
    lastCheck: 'Last check ({0}): {1} of {2} cases passed.',
    checks: '{0} checks so far.',
    oneCheck: '1 check so far.',
    solution: 'Reference solution',
    solutionLocked: 'The reference solutions and their explanation appear here once every case passes.',
    showSolution: 'Show the solution now (counts as not solved)…',
    explanation: 'Explanation',
    topics: 'Related topics',
    tags: 'Tags',
  },
  'zh-cn': {
    actions: '操作',
    switchLanguage: 'English',
    switchLanguageLabel: '用英文显示本题',
    difficulty: { easy: '简单', medium: '中等', hard: '困难' },
    status: { new: '未开始', attempted: '尝试过', solved: '已解决' },
    start: '用 {0} 开始',
    open: '打开我的 {0} 解答',
    check: '检查 {0}',
    reset: '把 {0} 重置为初始代码…',
    signature: '函数签名',
    complexity: '期望复杂度',
    hints: '提示',
    revealHint: '显示提示 {0}/{1}',
    noMoreHints: '提示已全部显示。',
    lastCheck: '上次检查（{0}）：{2} 个用例通过 {1} 个。',
    checks: '目前共检查 {0} 次。',
    oneCheck: '目前共检查 1 次。',
    solution: '参考解答',
    solutionLocked: '所有用例通过后，这里会显示参考解答和解析。',
    showSolution: '现在查看解答（记为未解出）…',
    explanation: '解析',
    topics: '相关题目',
    tags: '标签',
  },
} as const;

function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : match));
}

function button(action: string, label: string, attributes: Record<string, string> = {}, primary = false): string {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return `<button type="button"${primary ? ' class="primary"' : ''} data-action="${action}"${extra}>${escapeHtml(label)}</button>`;
}

/** The article: everything but the shell. */
export function renderProblemArticle(model: ProblemViewModel, engine: MarkdownEngine): string {
  const { problem, language, trust } = model;
  const labels = LABELS[language];
  const text = localize(problem.body, language);
  const parts: string[] = [];
  parts.push(
    `<h1>${escapeHtml(localize(problem.title, language) ?? problem.id)}</h1>` +
      `<p class="meta"><span class="difficulty ${problem.difficulty}">${escapeHtml(labels.difficulty[problem.difficulty])}</span>` +
      `<span class="status ${model.status}">${escapeHtml(labels.status[model.status])}</span>` +
      (problem.tags.length > 0 ? `<span class="tags" aria-label="${escapeHtml(labels.tags)}">${problem.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('')}</span>` : '') +
      '</p>',
  );
  const actions = (['py', 'ts'] as const).map((lang) => {
    const name = LANGUAGE_NAMES[lang];
    const start = button('start', format(model.attempts[lang] ? labels.open : labels.start, name), { language: lang }, lang === 'py');
    const more = model.attempts[lang] ? button('check', format(labels.check, name), { language: lang }) + button('reset', format(labels.reset, name), { language: lang }) : '';
    return `<div class="language-actions">${start}${more}</div>`;
  });
  parts.push(`<section class="actions" aria-label="${escapeHtml(labels.actions)}">${actions.join('')}</section>`);
  if (model.record?.lastCheck) {
    const last = model.record.lastCheck;
    const kind = last.passed === last.total ? 'passed' : 'failed';
    parts.push(
      `<p class="last-check ${kind}" role="status">${escapeHtml(format(labels.lastCheck, LANGUAGE_NAMES[last.language], last.passed, last.total))} ${escapeHtml(model.record.checks === 1 ? labels.oneCheck : format(labels.checks, model.record.checks))}</p>`,
    );
  }
  parts.push(`<div class="statement">${engine.render(text?.statement ?? '', trust)}</div>`);
  parts.push(
    `<section class="signature"><h2>${escapeHtml(labels.signature)}</h2>` +
      `<pre><code class="language-typescript">${escapeHtml(problem.signature.ts)}</code></pre>` +
      `<pre><code class="language-python">${escapeHtml(problem.signature.py)}</code></pre></section>`,
  );
  const complexity = localize(problem.complexity, language);
  if (complexity) parts.push(`<section class="complexity"><h2>${escapeHtml(labels.complexity)}</h2><p>${engine.renderInline(complexity, trust)}</p></section>`);
  parts.push(renderHints(model, engine, labels));
  parts.push(renderSolution(model, engine, labels, text?.explanation ?? ''));
  if (model.topics.length > 0) {
    const items = model.topics.map((topic) => `<li>${button('openTopic', topic.title, { 'topic-key': topic.key })}</li>`).join('');
    parts.push(`<section class="related"><h2>${escapeHtml(labels.topics)}</h2><ul>${items}</ul></section>`);
  }
  return `<article lang="${language === 'zh-cn' ? 'zh-CN' : 'en'}">${parts.join('\n')}</article>`;
}

function renderHints(model: ProblemViewModel, engine: MarkdownEngine, labels: (typeof LABELS)[ContentLanguage]): string {
  const hints = localize(model.problem.hints, model.language) ?? [];
  const revealed = Math.min(model.record?.hints ?? 0, hints.length);
  const items = hints
    .slice(0, revealed)
    .map((hint, index) => `<li data-hint="${index + 1}">${engine.renderInline(hint, model.trust)}</li>`)
    .join('');
  const more = revealed < hints.length ? button('revealHint', format(labels.revealHint, revealed + 1, hints.length)) : `<p class="hint-note">${escapeHtml(labels.noMoreHints)}</p>`;
  return `<section class="hints"><h2>${escapeHtml(labels.hints)}</h2>${items ? `<ol>${items}</ol>` : ''}${more}</section>`;
}

function renderSolution(model: ProblemViewModel, engine: MarkdownEngine, labels: (typeof LABELS)[ContentLanguage], explanation: string): string {
  if (!model.solutions) {
    return `<section class="solution locked"><h2>${escapeHtml(labels.solution)}</h2><p>${escapeHtml(labels.solutionLocked)}</p>${button('showSolution', labels.showSolution)}</section>`;
  }
  const code = (['py', 'ts'] as const)
    .map((lang) => {
      const source = model.solutions?.[lang] ?? '';
      // Longer than any run of backticks in the code, so a ``` line inside it cannot close the block early.
      const fence = '`'.repeat(Math.max(3, ...(source.match(/`+/g) ?? []).map((run) => run.length + 1)));
      return `<h3>${LANGUAGE_NAMES[lang]}</h3>${engine.render(`${fence}${lang === 'py' ? 'python' : 'typescript'}\n${source}\n${fence}`, model.trust)}`;
    })
    .join('');
  return `<section class="solution"><h2>${escapeHtml(labels.solution)}</h2>${code}<h2>${escapeHtml(labels.explanation)}</h2><div class="explanation">${engine.render(explanation, model.trust)}</div></section>`;
}

/** The whole webview document, locked down by a CSP whose only script is ours, by nonce. */
export function renderProblemDocument(model: ProblemViewModel, resources: WebviewResources, engine: MarkdownEngine): string {
  const labels = LABELS[model.language];
  const toolbar =
    `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="deck">${escapeHtml(model.deckLabel)}</span><span class="spacer"></span>` +
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button></header>`;
  return renderShell({
    language: model.language,
    title: localize(model.problem.title, model.language) ?? model.problem.id,
    resources,
    state: { problemKey: model.problemKey, language: model.language },
    body: `${toolbar}\n<main>\n${renderProblemArticle(model, engine)}\n</main>`,
  });
}
