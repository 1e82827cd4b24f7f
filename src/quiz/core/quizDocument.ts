// Renders the quiz panel to HTML on the host: the document shell (CSP by nonce) and the <main> content for the
// session's current view. vscode-free, so the exact HTML is unit-tested.
import { localize, otherLanguage, type ContentLanguage } from '../../content/core/language';
import type { MarkdownEngine, Trust } from '../../content/core/markdownEngine';
import { escapeHtml } from '../../util/core/html';
import { renderShell, type WebviewResources } from '../../webview/core/webviewShell';
import type { ClozeCard, QuizCard } from './cardSchema';
import { blankNumbers, fillCloze, parseCloze } from './cloze';
import type { QueueReason } from './queue';
import { deckOfScope, type CardView, type EmptyView, type SessionView } from './quizSession';
import { formatInterval, type RatingPreview } from './scheduler';

export type { WebviewResources };

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
    kind_mc: 'Multiple choice',
    kind_recall: 'Recall',
    kind_code: 'Code exercise',
    kind_cloze: 'Fill in the blanks',
    blank: 'Blank {0}',
    clozeHint: 'Type each blank, then press Enter to check.',
    clozeCheck: 'Check answers',
    clozeCheckLabel: 'Compare your answers with the card (Enter in a blank, or Space)',
    clozeFilled: 'Answer',
    clozeYours: 'You typed “{0}”',
    clozeEmpty: 'You left it empty',
    clozeAllRight: 'Every blank is right: Good is proposed, rate as you see fit.',
    clozeSomeWrong: '{0} of {1} blanks are right: Again is proposed, rate as you see fit.',
    reason_learning: 'Learning',
    reason_review: 'Review',
    reason_new: 'New',
    reason_ahead: 'Practising ahead',
    options: 'Options',
    option: 'Option {0}',
    correct: 'Correct',
    wrong: 'Not quite',
    yourAnswer: 'Your answer',
    rightAnswer: 'Right answer',
    explanation: 'Explanation',
    continue: 'Continue',
    continueLabel: 'Continue to the next card (Enter)',
    reveal: 'Show answer',
    revealLabel: 'Show the model answer (Space)',
    answer: 'Model answer',
    checklist: 'What the interviewer listens for',
    rateGroup: 'How well did you recall it?',
    rating_1: 'Again',
    rating_2: 'Hard',
    rating_3: 'Good',
    rating_4: 'Easy',
    rateLabel: '{0}: next review in {1} (key {2})',
    exercise: 'Exercise: {0}',
    exerciseHint: 'Open the starter file, implement the TODO, then Check runs it against values PyTorch produced.',
    openStarter: 'Open starter',
    openStarterLabel: 'Open the starter code in a new untitled editor',
    check: 'Check',
    checkLabel: 'Run the tests on the code in your editor',
    checking: 'Checking…',
    skip: 'Skip',
    skipLabel: 'Skip this exercise for now',
    results: 'Test results',
    passedCount: '{0} of {1} cases pass',
    pass: 'pass',
    fail: 'fail',
    passedPropose: 'All cases pass. {0} is proposed: rate how hard it was.',
    failing: 'Some cases fail: fix the code and check again. Nothing is rated until it passes or you ask for the solution.',
    showSolution: 'Show solution',
    showSolutionLabel: 'Show the solution; this counts as a lapse (rated Again)',
    solutionShown: 'Solution shown: rated Again. The card comes back soon.',
    solution: 'Solution',
    suggested: 'suggested',
    checklistTick: 'Tick the points your answer covered; the rating is proposed from them.',
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
    kind_mc: '选择题',
    kind_recall: '回忆题',
    kind_code: '编程练习',
    kind_cloze: '填空题',
    blank: '第 {0} 空',
    clozeHint: '填写每个空，然后按 Enter 检查。',
    clozeCheck: '检查答案',
    clozeCheckLabel: '将你的答案与卡片对照（在空格中按 Enter，或按空格键）',
    clozeFilled: '答案',
    clozeYours: '你填写的是“{0}”',
    clozeEmpty: '你没有填写',
    clozeAllRight: '每个空都答对了：建议“良好”，请按实际情况评分。',
    clozeSomeWrong: '{1} 个空中答对 {0} 个：建议“重来”，请按实际情况评分。',
    reason_learning: '学习中',
    reason_review: '复习',
    reason_new: '新卡',
    reason_ahead: '提前练习',
    options: '选项',
    option: '选项 {0}',
    correct: '回答正确',
    wrong: '回答错误',
    yourAnswer: '你的答案',
    rightAnswer: '正确答案',
    explanation: '解析',
    continue: '继续',
    continueLabel: '继续下一张卡片（Enter）',
    reveal: '显示答案',
    revealLabel: '显示参考答案（空格）',
    answer: '参考答案',
    checklist: '面试官想听到的要点',
    rateGroup: '你记得怎么样？',
    rating_1: '重来',
    rating_2: '困难',
    rating_3: '良好',
    rating_4: '简单',
    rateLabel: '{0}：下次复习在 {1} 后（按键 {2}）',
    exercise: '练习：{0}',
    exerciseHint: '打开起始代码，完成 TODO，然后点“检查”，用 PyTorch 算出的数值测试你的代码。',
    openStarter: '打开起始代码',
    openStarterLabel: '在新的未命名编辑器中打开起始代码',
    check: '检查',
    checkLabel: '用测试用例运行编辑器中的代码',
    checking: '检查中…',
    skip: '跳过',
    skipLabel: '暂时跳过这道练习',
    results: '测试结果',
    passedCount: '{1} 个用例中通过 {0} 个',
    pass: '通过',
    fail: '失败',
    passedPropose: '全部用例通过。建议“{0}”：请按难易程度评分。',
    failing: '有用例失败：修改代码后再次检查。通过或查看答案之前不会评分。',
    showSolution: '查看答案',
    showSolutionLabel: '查看参考答案；这算作一次遗忘（记为“重来”）',
    solutionShown: '已查看答案：记为“重来”，这张卡片很快会再出现。',
    solution: '参考答案',
    suggested: '建议',
    checklistTick: '勾选你的回答覆盖到的要点，系统据此建议评分。',
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
export function renderQuizDocument(model: QuizPageModel, resources: WebviewResources, engine: MarkdownEngine): string {
  const labels = QUIZ_LABELS[model.language];
  const scopeLabel = model.topicKey !== undefined && deckOfScope(model.topicKey) !== undefined ? labels.deckScope : labels.topicScope;
  const scope = model.topicKey !== undefined ? fill(scopeLabel, model.topicTitle ?? model.topicKey) : labels.allTopics;
  const toolbar =
    `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="scope">${escapeHtml(scope)}</span><span class="spacer"></span>` +
    `<button type="button" data-action="showProgress" aria-label="${escapeHtml(labels.progressLabel)}">${escapeHtml(labels.progress)}</button>` +
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button></header>`;
  const body = `${toolbar}\n<main id="quiz" aria-live="polite">${renderQuizMain(model, engine)}</main>\n<footer class="keys">${escapeHtml(labels.keys)}</footer>`;
  return renderShell({ language: model.language, title: `${labels.title} — ${scope}`, resources, state: { topicKey: model.topicKey, language: model.language, focus: model.focus === true }, body });
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
  const text = (value: Record<ContentLanguage, string>) => value[model.language];
  const reasonLabel: Record<QueueReason, string> = { learning: labels.reason_learning, review: labels.reason_review, new: labels.reason_new, ahead: labels.reason_ahead };
  const topic = localize(view.item.topicTitle, model.language) ?? view.item.topicKey;
  const meta =
    `<p class="meta"><span class="topic">${escapeHtml(topic)}</span> · <span class="kind">${escapeHtml(labels[`kind_${card.kind}`])}</span>` +
    ` · <span class="reason reason-${view.reason}">${escapeHtml(reasonLabel[view.reason])}</span>${renderCounts(view, labels)}</p>`;
  const prompt = `<div class="prompt" id="prompt">${engine.render(text(card.prompt), trust)}</div>`;
  const lang = model.language === 'zh-cn' ? 'zh-CN' : 'en';
  return `<article class="card card-${card.kind}" lang="${lang}" aria-labelledby="prompt">${meta}${prompt}${renderCardBody(view, card, model, engine, labels)}</article>`;
}

function renderCardBody(view: CardView, card: QuizCard, model: QuizPageModel, engine: MarkdownEngine, labels: QuizLabels): string {
  const trust = view.item.trust;
  switch (card.kind) {
    case 'mc':
      return renderChoice(view, card, model.language, engine, labels);
    case 'recall':
      return view.phase === 'question' ? revealButton(labels) : renderRevealed(view, card, model.language, engine, labels);
    case 'cloze':
      return view.phase === 'question' ? renderClozeQuestion(card, labels) : renderClozeRevealed(view, card, model.language, engine, labels);
    case 'code':
      return renderExercise(view, card, model, engine, labels, trust);
  }
}

function renderClozeQuestion(card: ClozeCard, labels: QuizLabels): string {
  const parsed = parseCloze(card.text.en);
  const numbers = parsed.ok ? blankNumbers(parsed.blanks) : [];
  const fields = numbers.map((number, index) => {
    const hint = parsed.ok ? parsed.blanks.find((blank) => blank.index === number)?.hint : undefined;
    const label = fill(labels.blank, number);
    return (
      `<label class="blank-field"><span class="blank-label">${escapeHtml(label)}</span>` +
      `<input type="text" data-blank="${number}" autocomplete="off" spellcheck="false" maxlength="500"${index === 0 ? ' data-autofocus' : ''}` +
      `${hint ? ` placeholder="${escapeHtml(hint)}"` : ''} aria-label="${escapeHtml(label)}"></label>`
    );
  });
  return (
    `<p class="hint">${escapeHtml(labels.clozeHint)}</p><div class="cloze-answers" role="group">${fields.join('')}</div>` +
    `<p class="actions"><button type="button" class="primary" data-action="reveal" data-key="space" aria-keyshortcuts="Space" aria-label="${escapeHtml(labels.clozeCheckLabel)}">${escapeHtml(labels.clozeCheck)}</button></p>`
  );
}

function renderClozeRevealed(view: CardView, card: ClozeCard, language: ContentLanguage, engine: MarkdownEngine, labels: QuizLabels): string {
  const trust = view.item.trust;
  const result = view.cloze;
  const parsed = parseCloze(card.text[language]);
  const filled = parsed.ok ? fillCloze(parsed.segments, (blank) => (blank.inMath ? `\\boxed{${blank.answer}}` : `**${blank.answer}**`)) : card.text[language];
  const numbers = parsed.ok ? blankNumbers(parsed.blanks) : [];
  const rows = numbers.map((number, index) => {
    const right = result?.correct[index] === true;
    const given = result?.given[index] ?? '';
    const answer = parsed.ok ? parsed.blanks.find((blank) => blank.index === number)?.answer ?? '' : '';
    const mark = right ? `<span class="badge badge-correct">✓</span>` : `<span class="badge badge-wrong">✗</span>`;
    const yours = given.trim() === '' ? labels.clozeEmpty : fill(labels.clozeYours, given);
    return `<li class="${right ? 'correct' : 'wrong'}">${mark} <span class="blank-label">${escapeHtml(fill(labels.blank, number))}</span>: ${engine.renderInline(blankAsMarkdown(answer, parsed.ok && parsed.blanks.some((b) => b.index === number && b.inMath)), trust)} <span class="yours">(${escapeHtml(yours)})</span></li>`;
  });
  const rightCount = result?.correct.filter(Boolean).length ?? 0;
  const verdict = rightCount === numbers.length ? labels.clozeAllRight : fill(labels.clozeSomeWrong, rightCount, numbers.length);
  const proposed = result?.proposed ?? 3;
  return (
    `<section class="answer"><h2>${escapeHtml(labels.clozeFilled)}</h2>${engine.render(filled, trust)}<ul class="cloze-results">${rows.join('')}</ul>` +
    `<p class="verdict ${rightCount === numbers.length ? 'verdict-correct' : 'verdict-wrong'}" role="status">${escapeHtml(verdict)}</p></section>` +
    (card.explanation ? explanation(card.explanation[language], trust, engine, labels) : '') +
    `<div class="ratings" role="group" aria-label="${escapeHtml(labels.rateGroup)}"><p class="label">${escapeHtml(labels.rateGroup)}</p>${(view.previews ?? []).map((preview) => ratingButton(preview, labels, proposed)).join('')}</div>`
  );
}

/** A blank's answer as inline Markdown: math answers go back into `$…$`. */
function blankAsMarkdown(answer: string, inMath: boolean): string {
  return inMath ? `$${answer}$` : answer;
}

function continueButton(labels: QuizLabels): string {
  return `<p class="actions"><button type="button" class="primary" data-action="next" data-key="enter" data-autofocus aria-label="${escapeHtml(labels.continueLabel)}">${escapeHtml(labels.continue)}</button></p>`;
}

function explanation(markdown: string, trust: Trust, engine: MarkdownEngine, labels: QuizLabels): string {
  return `<section class="explanation"><h2>${escapeHtml(labels.explanation)}</h2>${engine.render(markdown, trust)}</section>`;
}

function renderChoice(view: CardView, card: Extract<QuizCard, { kind: 'mc' }>, language: ContentLanguage, engine: MarkdownEngine, labels: QuizLabels): string {
  const choice = view.choice;
  if (!choice) return '';
  const answered = choice.chosen !== undefined;
  const items = choice.order.map((optionIndex, displayIndex) => {
    const option = card.options[optionIndex];
    const key = displayIndex + 1;
    const classes = ['option'];
    const badges: string[] = [];
    if (answered && displayIndex === choice.correctIndex) {
      classes.push('correct');
      badges.push(`<span class="badge badge-correct">✓ ${escapeHtml(labels.rightAnswer)}</span>`);
    }
    if (answered && displayIndex === choice.chosen && displayIndex !== choice.correctIndex) {
      classes.push('wrong');
      badges.push(`<span class="badge badge-wrong">✗ ${escapeHtml(labels.yourAnswer)}</span>`);
    }
    const keyAttrs = answered ? ' disabled' : ` data-key="${key}"${displayIndex === 0 ? ' data-autofocus' : ''}`;
    return (
      `<li><button type="button" class="${classes.join(' ')}" data-action="choose" data-index="${displayIndex}"${keyAttrs} aria-keyshortcuts="${key}" aria-labelledby="option-${key}-key option-${key}-text">` +
      `<span class="key" id="option-${key}-key" aria-label="${escapeHtml(fill(labels.option, key))}">${key}</span><span class="text" id="option-${key}-text">${engine.renderInline(option.text[language], view.item.trust)}</span>${badges.join('')}</button></li>`
    );
  });
  const parts = [`<ol class="options" aria-label="${escapeHtml(labels.options)}">${items.join('')}</ol>`];
  if (answered) {
    const correct = choice.chosen === choice.correctIndex;
    parts.push(`<p class="verdict ${correct ? 'verdict-correct' : 'verdict-wrong'}" role="status">${correct ? '✓' : '✗'} ${escapeHtml(correct ? labels.correct : labels.wrong)}</p>`);
    parts.push(explanation(card.explanation[language], view.item.trust, engine, labels), continueButton(labels));
  }
  return parts.join('');
}

function revealButton(labels: QuizLabels): string {
  return `<p class="actions"><button type="button" class="primary" data-action="reveal" data-key="space" data-autofocus aria-keyshortcuts="Space" aria-label="${escapeHtml(labels.revealLabel)}">${escapeHtml(labels.reveal)}</button></p>`;
}

/** One rating button; `marked` shows the proposed rating as suggested (the user still chooses). */
function ratingButton(preview: RatingPreview, labels: QuizLabels, proposed = 3, marked = false): string {
  const name = labels[`rating_${preview.rating}`];
  const suggested = marked && preview.rating === proposed;
  return (
    `<button type="button" class="rating rating-${preview.rating}${suggested ? ' suggested' : ''}" data-action="rate" data-rating="${preview.rating}" data-key="${preview.rating}"${preview.rating === proposed ? ' data-autofocus' : ''}` +
    ` aria-keyshortcuts="${preview.rating}" aria-label="${escapeHtml(fill(labels.rateLabel, name, preview.label, preview.rating))}${suggested ? ` (${escapeHtml(labels.suggested)})` : ''}">` +
    `<span class="key" aria-hidden="true">${preview.rating}</span> <span class="name">${escapeHtml(name)}</span> <span class="interval">${escapeHtml(preview.label)}</span>` +
    `${suggested ? ` <span class="suggested-badge">${escapeHtml(labels.suggested)}</span>` : ''}</button>`
  );
}

function renderRevealed(view: CardView, card: Extract<QuizCard, { kind: 'recall' }>, language: ContentLanguage, engine: MarkdownEngine, labels: QuizLabels): string {
  const trust = view.item.trust;
  const checklist = card.checklist[language]
    .map(
      (item, index) =>
        `<li><label><input type="checkbox" data-checklist="${index}" id="check-${index}"${view.checked?.includes(index) ? ' checked' : ''}> <span>${engine.renderInline(item, trust)}</span></label></li>`,
    )
    .join('');
  const proposed = view.proposed ?? 3;
  return (
    `<section class="answer"><h2>${escapeHtml(labels.answer)}</h2>${engine.render(card.answer[language], trust)}</section>` +
    `<section class="checklist"><h2>${escapeHtml(labels.checklist)}</h2><p class="hint">${escapeHtml(labels.checklistTick)}</p><ul>${checklist}</ul></section>` +
    `<div class="ratings" role="group" aria-label="${escapeHtml(labels.rateGroup)}"><p class="label">${escapeHtml(labels.rateGroup)}</p>${(view.previews ?? []).map((preview) => ratingButton(preview, labels, proposed, view.proposed !== undefined)).join('')}</div>`
  );
}

function renderExercise(view: CardView, card: Extract<QuizCard, { kind: 'code' }>, model: QuizPageModel, engine: MarkdownEngine, labels: QuizLabels, trust: Trust): string {
  const checking = model.checking === true;
  const checkText = checking ? labels.checking : labels.check;
  // Once the exercise passed, 1–4 rate it; until then they open, check, skip or show the solution.
  const passed = view.phase === 'passed';
  const key = (digit: number) => (passed ? '' : ` data-key="${digit}" aria-keyshortcuts="${digit}"`);
  const buttons = [
    `<button type="button" data-action="openStarter"${key(1)}${view.phase === 'question' && !view.codeGrade ? ' data-autofocus' : ''} aria-label="${escapeHtml(labels.openStarterLabel)}">${escapeHtml(labels.openStarter)}</button>`,
    `<button type="button" class="primary" data-action="checkCode"${key(2)}${view.phase === 'question' && view.codeGrade ? ' data-autofocus' : ''} aria-label="${escapeHtml(labels.checkLabel)}"${checking || passed ? ' disabled' : ''}${checking ? ' aria-busy="true"' : ''}>${escapeHtml(checkText)}</button>`,
  ];
  if (view.phase === 'question') {
    buttons.push(
      `<button type="button" data-action="skip"${key(3)} aria-label="${escapeHtml(labels.skipLabel)}">${escapeHtml(labels.skip)}</button>`,
      `<button type="button" data-action="showSolution"${key(4)} aria-label="${escapeHtml(labels.showSolutionLabel)}">${escapeHtml(labels.showSolution)}</button>`,
    );
  }
  const parts = [
    `<p class="exercise"><code>${escapeHtml(`${card.exercise}.exercise.ts`)}</code> — ${escapeHtml(labels.exerciseHint)}</p>`,
    `<p class="actions">${buttons.join('')}</p>`,
  ];
  const grade = view.codeGrade;
  if (grade) {
    const rows = grade.results
      .map(
        (result) =>
          `<li class="${result.passed ? 'pass' : 'fail'}"><span class="status">${result.passed ? '✓' : '✗'} ${escapeHtml(result.passed ? labels.pass : labels.fail)}</span> <span class="case">${escapeHtml(result.name)}</span>` +
          (result.passed ? '' : `<div class="reason">${escapeHtml(result.reason)}</div>`) +
          '</li>',
      )
      .join('');
    const allPassed = grade.passedCount === grade.results.length && grade.results.length > 0;
    const verdict = allPassed ? (passed ? fill(labels.passedPropose, labels[`rating_${view.proposed ?? 3}`]) : '') : view.phase === 'question' ? labels.failing : '';
    parts.push(
      `<section class="results" aria-label="${escapeHtml(labels.results)}"><h2>${escapeHtml(labels.results)}: ${escapeHtml(fill(labels.passedCount, grade.passedCount, grade.results.length))}</h2><ul>${rows}</ul>` +
        (verdict ? `<p class="verdict ${allPassed ? 'verdict-correct' : 'verdict-wrong'}" role="status">${escapeHtml(verdict)}</p>` : '') +
        '</section>',
    );
  }
  // The solution only after a pass, or when the user asked for it (a lapse).
  const solution = () => `<section class="explanation solution"><h2>${escapeHtml(labels.solution)}</h2>${engine.render(card.explanation[model.language], trust)}</section>`;
  if (passed) {
    parts.push(
      solution(),
      `<div class="ratings" role="group" aria-label="${escapeHtml(labels.rateGroup)}"><p class="label">${escapeHtml(labels.rateGroup)}</p>${(view.previews ?? []).map((preview) => ratingButton(preview, labels, view.proposed ?? 3, true)).join('')}</div>`,
    );
  }
  if (view.phase === 'solution') {
    parts.push(`<p class="verdict verdict-wrong" role="status">${escapeHtml(labels.solutionShown)}</p>`, solution(), continueButton(labels));
  }
  return parts.join('');
}
