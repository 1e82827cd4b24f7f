// The mock-interview panel's HTML, rendered on the host: the set-up form and history, the question on the clock, its
// review (model answer, checklist, rating), and the report. Everything the user typed is escaped; card content goes
// through the Markdown engine with its deck's trust. vscode-free.
import { otherLanguage, type ContentLanguage } from '../../content/core/language';
import type { MarkdownEngine, Trust } from '../../content/core/markdownEngine';
import { escapeHtml } from '../../util/core/html';
import { renderShell, type WebviewResources } from '../../webview/core/webviewShell';
import type { FollowUp } from './followUps';
import { MOCK_LENGTHS, type MockDifficulty, type MockLength } from './mockPlan';
import { REPORT_LABELS, fillTemplate, followUpTopics, formatClock, questionResult, questionScore, weakestTopics, type MockReport } from './mockReport';
import { questionRemaining, totalRemaining, type MockInterview } from './mockState';

export const MOCK_LABELS = {
  en: {
    ...REPORT_LABELS.en,
    actions: 'Mock interview actions',
    switchLanguage: '中文',
    switchLanguageLabel: 'Show the interview in Chinese',
    setupIntro: 'Answer under a clock, out of order, then see what you left out. Concept questions come from the topics; practice problems are solved in their file with Check.',
    lengthLegend: 'Length',
    tracksLegend: 'Tracks to draw from',
    start: 'Start interview',
    noQuestions: 'The chosen tracks have no concept questions or problems: choose other tracks.',
    history: 'Past interviews',
    noHistory: 'No interviews yet.',
    view: 'View',
    viewLabel: 'View the report of {0}',
    exportMarkdown: 'Export as Markdown',
    exportLabel: 'Export the report of {0} as Markdown',
    questionOf: 'Question {0} of {1}',
    questionClock: 'This question',
    totalClock: 'Interview',
    left: 'left',
    paused: 'Paused: the clock is stopped and the question hidden.',
    restored: 'The window reloaded during the interview: it is paused where it was. Resume when you are ready.',
    resume: 'Resume',
    pause: 'Pause',
    skip: 'Skip',
    submit: 'Submit answer',
    finish: 'End interview',
    answerLabel: 'Your answer',
    answerHint: 'Type your answer as you would say it. It is kept as you type.',
    timeUp: 'Time is up for this question.',
    modelAnswer: 'Model answer',
    checklist: 'Interviewer’s checklist',
    checklistTick: 'Tick what your answer covered; a rating is proposed from it.',
    followUpsAsked: 'Follow-ups an interviewer may ask',
    rateGroup: 'Rate your answer (feeds the review schedule)',
    proposed: 'proposed',
    difficulty_easy: 'easy',
    difficulty_medium: 'medium',
    difficulty_hard: 'hard',
    openProblem: 'Open problem',
    problemHint: 'Solve it in the practice file and press Check there; every Check counts here.',
    bestResult: 'Best result: {0}',
    doneProblem: 'Done with this problem',
    shortcuts: 'Keys',
    shortcutsConcept: 'Ctrl+Enter submit · Tab to the buttons · P pause · S skip (outside the text box)',
    shortcutsReview: '1–4 rate · Space ticks a focused point',
    shortcutsProblem: 'O open · Enter done · P pause · S skip',
    review: 'Review topic',
    reviewLabel: 'Open the topic {0}',
    quiz: 'Quiz topic',
    quizLabel: 'Quiz the topic {0}',
    newInterview: 'New interview',
    scoreOf: '{0}/100',
  },
  'zh-cn': {
    ...REPORT_LABELS['zh-cn'],
    actions: '模拟面试操作',
    switchLanguage: 'English',
    switchLanguageLabel: '用英文显示面试',
    setupIntro: '限时作答、题目顺序打乱，结束后看看漏了什么。概念题来自各题目；编程题在练习文件中完成并点“检查”。',
    lengthLegend: '时长',
    tracksLegend: '出题范围',
    start: '开始面试',
    noQuestions: '所选范围里没有概念题或编程题：请换一个范围。',
    history: '历史面试',
    noHistory: '还没有面试记录。',
    view: '查看',
    viewLabel: '查看 {0} 的报告',
    exportMarkdown: '导出为 Markdown',
    exportLabel: '把 {0} 的报告导出为 Markdown',
    questionOf: '第 {0} 题，共 {1} 题',
    questionClock: '本题',
    totalClock: '整场',
    left: '剩余',
    paused: '已暂停：计时停止，题目已隐藏。',
    restored: '面试过程中窗口重新加载了：面试已在原处暂停。准备好后点“继续”。',
    resume: '继续',
    pause: '暂停',
    skip: '跳过',
    submit: '提交回答',
    finish: '结束面试',
    answerLabel: '你的回答',
    answerHint: '像面试时那样写下回答。输入内容会随时保存。',
    timeUp: '本题时间到。',
    modelAnswer: '参考答案',
    checklist: '面试官检查清单',
    checklistTick: '勾选你的回答覆盖到的要点，系统据此建议评分。',
    followUpsAsked: '面试官可能追问',
    rateGroup: '为你的回答评分（计入复习计划）',
    proposed: '建议',
    difficulty_easy: '简单',
    difficulty_medium: '中等',
    difficulty_hard: '困难',
    openProblem: '打开题目',
    problemHint: '在练习文件中作答并点“检查”；每次检查都会计入这里。',
    bestResult: '最好成绩：{0}',
    doneProblem: '完成此题',
    shortcuts: '快捷键',
    shortcutsConcept: 'Ctrl+Enter 提交 · Tab 切换按钮 · P 暂停 · S 跳过（在输入框外）',
    shortcutsReview: '1–4 评分 · 空格勾选当前要点',
    shortcutsProblem: 'O 打开 · Enter 完成 · P 暂停 · S 跳过',
    review: '复习题目',
    reviewLabel: '打开题目 {0}',
    quiz: '测验题目',
    quizLabel: '测验题目 {0}',
    newInterview: '新的面试',
    scoreOf: '{0}/100',
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

export type MockLabels = (typeof MOCK_LABELS)[ContentLanguage];

/** A concept question's content, resolved from its card and topic. */
export interface ConceptContent {
  prompt: string;
  answer: string;
  checklist: readonly string[];
  followUps: readonly FollowUp[];
  trust: Trust;
  topicTitle: string;
}

export interface ProblemContent {
  title: string;
  difficulty: MockDifficulty;
}

export type MockPageView =
  | { kind: 'setup'; tracks: readonly { id: string; title: string }[]; selected: readonly string[]; length: MockLength; reports: readonly MockReport[]; empty?: boolean }
  | { kind: 'interview'; state: MockInterview; concept?: ConceptContent; problem?: ProblemContent; restored: boolean }
  | { kind: 'report'; report: MockReport; topicTitles: Readonly<Record<string, string>>; followUps: Readonly<Record<string, { trust: Trust; items: readonly FollowUp[] }>> };

export interface MockPageModel {
  language: ContentLanguage;
  now: number;
  view: MockPageView;
}

const RATINGS = [1, 2, 3, 4] as const;

function button(action: string, text: string, extra = ''): string {
  return `<button type="button" data-action="${escapeHtml(action)}"${extra}>${escapeHtml(text)}</button>`;
}

function dateText(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function renderSetup(view: Extract<MockPageView, { kind: 'setup' }>, labels: MockLabels): string {
  const lengths = MOCK_LENGTHS.map(
    (length) =>
      `<label class="choice"><input type="radio" name="length" value="${length}"${length === view.length ? ' checked' : ''}${length === view.length ? ' data-autofocus' : ''}> ${escapeHtml(fillTemplate(labels.minutes, length))}</label>`,
  ).join('');
  const tracks = view.tracks
    .map(
      (track) =>
        `<label class="choice"><input type="checkbox" name="track" value="${escapeHtml(track.id)}"${view.selected.length === 0 || view.selected.includes(track.id) ? ' checked' : ''}> ${escapeHtml(track.title)}</label>`,
    )
    .join('');
  const history =
    view.reports.length === 0
      ? `<p>${escapeHtml(labels.noHistory)}</p>`
      : `<table class="history"><thead><tr><th scope="col">${escapeHtml(labels.date)}</th><th scope="col">${escapeHtml(labels.length)}</th><th scope="col">${escapeHtml(labels.score)}</th><th scope="col"><span class="sr-only">${escapeHtml(labels.view)}</span></th></tr></thead><tbody>${[...view.reports]
          .reverse()
          .map((report) => {
            const date = dateText(report.finishedAt);
            return (
              `<tr><td>${escapeHtml(date)}</td><td>${escapeHtml(fillTemplate(labels.minutes, report.length))}</td><td>${escapeHtml(fillTemplate(labels.scoreOf, report.score))}</td><td>` +
              button('showReport', labels.view, ` data-report-id="${escapeHtml(report.id)}" aria-label="${escapeHtml(fillTemplate(labels.viewLabel, date))}"`) +
              button('exportReport', labels.exportMarkdown, ` data-report-id="${escapeHtml(report.id)}" aria-label="${escapeHtml(fillTemplate(labels.exportLabel, date))}"`) +
              '</td></tr>'
            );
          })
          .join('')}</tbody></table>`;
  return (
    `<h1>${escapeHtml(labels.title)}</h1><p class="intro">${escapeHtml(labels.setupIntro)}</p>` +
    `<fieldset class="lengths"><legend>${escapeHtml(labels.lengthLegend)}</legend>${lengths}</fieldset>` +
    `<fieldset class="tracks"><legend>${escapeHtml(labels.tracksLegend)}</legend>${tracks}</fieldset>` +
    (view.empty ? `<p class="warning" role="alert">${escapeHtml(labels.noQuestions)}</p>` : '') +
    `<p class="actions">${button('start', labels.start, ' class="primary" id="start"')}</p>` +
    `<section class="history-section"><h2>${escapeHtml(labels.history)}</h2>${history}</section>`
  );
}

function clocks(state: MockInterview, now: number, labels: MockLabels): string {
  const question = questionRemaining(state, now);
  return (
    `<div class="clocks" role="timer" aria-live="off">` +
    `<span class="clock"><span class="clock-name">${escapeHtml(labels.questionClock)}</span> <span id="clock-question" class="clock-value${question < 30_000 ? ' low' : ''}">${escapeHtml(formatClock(Math.max(0, question)))}</span></span>` +
    `<span class="clock"><span class="clock-name">${escapeHtml(labels.totalClock)}</span> <span id="clock-total" class="clock-value">${escapeHtml(formatClock(Math.max(0, totalRemaining(state, now))))}</span></span>` +
    `</div>`
  );
}

function ratingButtons(proposed: number | undefined, labels: MockLabels): string {
  const buttons = RATINGS.map((rating) => {
    const suggested = rating === (proposed ?? 3);
    return (
      `<button type="button" class="rating${suggested ? ' suggested primary' : ''}" data-action="rate" data-rating="${rating}" data-key="${rating}" aria-keyshortcuts="${rating}"${suggested ? ' data-autofocus-rate' : ''}>` +
      `<span class="key" aria-hidden="true">${rating}</span> ${escapeHtml(labels[`rating_${rating}`])}${suggested ? ` <span class="suggested-badge">${escapeHtml(labels.proposed)}</span>` : ''}</button>`
    );
  }).join('');
  return `<div class="ratings" role="group" aria-label="${escapeHtml(labels.rateGroup)}"><p class="label">${escapeHtml(labels.rateGroup)}</p>${buttons}</div>`;
}

function renderInterview(view: Extract<MockPageView, { kind: 'interview' }>, model: MockPageModel, engine: MarkdownEngine, labels: MockLabels): string {
  const { state } = view;
  const question = state.questions[state.current];
  const header =
    `<header class="interview-head"><p class="counter">${escapeHtml(fillTemplate(labels.questionOf, state.current + 1, state.questions.length))}</p>${clocks(state, model.now, labels)}</header>`;
  const controls = (items: string[]) => `<p class="actions">${items.join('')}</p>`;
  const finishButton = button('finish', labels.finish, ' class="secondary"');
  if (state.paused) {
    return (
      header +
      `<p class="notice" role="status">${escapeHtml(view.restored ? labels.restored : labels.paused)}</p>` +
      controls([button('resume', labels.resume, ' class="primary" data-key="p" aria-keyshortcuts="P" data-autofocus'), finishButton])
    );
  }
  const answering = question.phase === 'answering';
  const pauseButton = button('pause', labels.pause, ' data-key="p" aria-keyshortcuts="P"');
  const skipButton = button('skip', labels.skip, ' data-key="s" aria-keyshortcuts="S"');
  if (question.kind === 'concept') {
    const concept = view.concept;
    const prompt = concept ? engine.render(concept.prompt, concept.trust) : '';
    const draftId = `${state.id}#${state.current}`;
    if (answering) {
      return (
        header +
        `<section class="question"><h1 class="topic-title">${escapeHtml(concept?.topicTitle ?? '')}</h1><div class="prompt">${prompt}</div></section>` +
        `<label class="answer-label" for="answer">${escapeHtml(labels.answerLabel)}</label><p class="hint" id="answer-hint">${escapeHtml(labels.answerHint)}</p>` +
        `<textarea id="answer" data-question="${escapeHtml(draftId)}" rows="10" aria-describedby="answer-hint" data-autofocus>\n${escapeHtml(question.answer)}</textarea>` +
        controls([button('submit', labels.submit, ' class="primary" aria-keyshortcuts="Control+Enter"'), skipButton, pauseButton, finishButton]) +
        `<p class="shortcuts"><span class="label">${escapeHtml(labels.shortcuts)}:</span> ${escapeHtml(labels.shortcutsConcept)}</p>`
      );
    }
    const checklist = (concept?.checklist ?? [])
      .map(
        (item, index) =>
          `<li><label><input type="checkbox" data-checklist="${index}" id="check-${index}"${question.checked.includes(index) ? ' checked' : ''}${index === 0 ? ' data-autofocus' : ''}> <span>${engine.renderInline(item, concept?.trust ?? 'untrusted')}</span></label></li>`,
      )
      .join('');
    const followUps = (concept?.followUps ?? []).map((followUp) => `<li>${engine.renderInline(followUp.question, concept?.trust ?? 'untrusted')}</li>`).join('');
    return (
      header +
      (question.timedOut ? `<p class="notice" role="status">${escapeHtml(labels.timeUp)}</p>` : '') +
      `<section class="question"><h1 class="topic-title">${escapeHtml(concept?.topicTitle ?? '')}</h1><div class="prompt">${prompt}</div></section>` +
      `<section class="your-answer"><h2>${escapeHtml(labels.yourAnswer)}</h2><div class="typed">${escapeHtml(question.answer) || '—'}</div></section>` +
      `<section class="answer"><h2>${escapeHtml(labels.modelAnswer)}</h2>${concept ? engine.render(concept.answer, concept.trust) : ''}</section>` +
      `<section class="checklist"><h2>${escapeHtml(labels.checklist)}</h2><p class="hint">${escapeHtml(labels.checklistTick)}</p><ul>${checklist}</ul></section>` +
      (followUps ? `<section class="follow-ups"><h2>${escapeHtml(labels.followUpsAsked)}</h2><ul>${followUps}</ul></section>` : '') +
      ratingButtons(question.proposed, labels) +
      `<p class="shortcuts"><span class="label">${escapeHtml(labels.shortcuts)}:</span> ${escapeHtml(labels.shortcutsReview)}</p>`
    );
  }
  const problem = view.problem;
  const best = question.best ? fillTemplate(labels.tests, question.best.passed, question.best.total, question.checks) : labels.noCheck;
  const head =
    `<section class="question"><h1 class="topic-title">${escapeHtml(problem?.title ?? question.problemId)}</h1>` +
    (problem ? `<p class="difficulty difficulty-${problem.difficulty}">${escapeHtml(labels[`difficulty_${problem.difficulty}`])}</p>` : '') +
    `<p class="result" role="status">${escapeHtml(fillTemplate(labels.bestResult, best))}</p></section>`;
  if (answering) {
    return (
      header +
      head +
      `<p class="hint">${escapeHtml(labels.problemHint)}</p>` +
      controls([
        button('openProblem', labels.openProblem, ' class="primary" data-key="o" aria-keyshortcuts="O" data-autofocus'),
        button('submit', labels.doneProblem, ' data-key="enter" aria-keyshortcuts="Enter"'),
        skipButton,
        pauseButton,
        finishButton,
      ]) +
      `<p class="shortcuts"><span class="label">${escapeHtml(labels.shortcuts)}:</span> ${escapeHtml(labels.shortcutsProblem)}</p>`
    );
  }
  return (
    header +
    (question.timedOut ? `<p class="notice" role="status">${escapeHtml(labels.timeUp)}</p>` : '') +
    head +
    ratingButtons(question.proposed, labels) +
    `<p class="shortcuts"><span class="label">${escapeHtml(labels.shortcuts)}:</span> ${escapeHtml(labels.shortcutsReview)}</p>`
  );
}

function renderReport(view: Extract<MockPageView, { kind: 'report' }>, engine: MarkdownEngine, labels: MockLabels, language: ContentLanguage): string {
  const { report } = view;
  const titleOf = (key: string) => view.topicTitles[key] ?? key;
  const rows = report.questions
    .map((question, index) => {
      const title = question.kind === 'concept' ? (view.topicTitles[question.topicKey] ?? question.title[language] ?? question.title.en ?? question.topicKey) : (question.title[language] ?? question.title.en ?? question.problemId);
      const score = Math.round(questionScore(question) * 100);
      return (
        `<tr><td>${index + 1}</td><th scope="row">${escapeHtml(`${labels[`kind_${question.kind}`]}: ${title}`)}</th>` +
        // Each value cell carries its column's name: a narrow panel shows the rows stacked, each value labelled.
        `<td data-label="${escapeHtml(labels.time)}">${escapeHtml(`${formatClock(question.spentMs)} / ${formatClock(question.allottedMs)}`)}</td>` +
        `<td data-label="${escapeHtml(labels.result)}">${escapeHtml(questionResult(question, labels))} <span class="outcome outcome-${question.outcome}">(${escapeHtml(labels[`outcome_${question.outcome}`])})</span></td>` +
        `<td data-label="${escapeHtml(labels.score)}">${score}%</td><td data-label="${escapeHtml(labels.rating)}">${question.rating ? escapeHtml(labels[`rating_${question.rating}`]) : '—'}</td></tr>`
      );
    })
    .join('');
  const answers = report.questions
    .map((question, index) =>
      question.kind === 'concept' && question.answer !== ''
        ? `<details><summary>${escapeHtml(`${index + 1}. ${titleOf(question.topicKey)} — ${labels.yourAnswer}`)}</summary><div class="typed">${escapeHtml(question.answer)}</div></details>`
        : '',
    )
    .join('');
  const weak = weakestTopics(report);
  const weakList =
    weak.length === 0
      ? `<p>${escapeHtml(labels.none)}</p>`
      : `<ul class="weak">${weak
          .map((topic) => {
            const title = titleOf(topic.topicKey);
            return (
              `<li><span class="weak-title">${escapeHtml(title)}</span> <span class="weak-score">${Math.round(topic.score * 100)}%</span> ` +
              button('openTopic', labels.review, ` data-topic-key="${escapeHtml(topic.topicKey)}" aria-label="${escapeHtml(fillTemplate(labels.reviewLabel, title))}"`) +
              button('quizTopic', labels.quiz, ` data-topic-key="${escapeHtml(topic.topicKey)}" aria-label="${escapeHtml(fillTemplate(labels.quizLabel, title))}"`) +
              '</li>'
            );
          })
          .join('')}</ul>`;
  const followUps = followUpTopics(report).flatMap((key) => {
    const topic = view.followUps[key];
    return (topic?.items ?? []).map((followUp) => `<li>${engine.renderInline(followUp.question, topic?.trust ?? 'untrusted')} <span class="from">— ${escapeHtml(titleOf(key))}</span></li>`);
  });
  return (
    `<h1>${escapeHtml(labels.reportTitle)}</h1>` +
    `<p class="score"><span class="big" id="report-score">${escapeHtml(fillTemplate(labels.scoreOf, report.score))}</span> ${escapeHtml(dateText(report.finishedAt))} · ${escapeHtml(fillTemplate(labels.minutes, report.length))}</p>` +
    `<table class="report"><thead><tr><th scope="col">#</th><th scope="col">${escapeHtml(labels.question)}</th><th scope="col">${escapeHtml(labels.time)}</th><th scope="col">${escapeHtml(labels.result)}</th><th scope="col">${escapeHtml(labels.score)}</th><th scope="col">${escapeHtml(labels.rating)}</th></tr></thead><tbody>${rows}</tbody></table>` +
    answers +
    `<section class="weakest"><h2>${escapeHtml(labels.weakest)}</h2>${weakList}</section>` +
    `<section class="follow-ups"><h2>${escapeHtml(labels.followUps)}</h2>${followUps.length === 0 ? `<p>${escapeHtml(labels.none)}</p>` : `<ul>${followUps.join('')}</ul>`}</section>` +
    `<p class="actions">${button('exportReport', labels.exportMarkdown, ` data-report-id="${escapeHtml(report.id)}"`)}${button('showSetup', labels.newInterview, ' class="primary" data-autofocus')}</p>`
  );
}

export function renderMockMain(model: MockPageModel, engine: MarkdownEngine): string {
  const labels = MOCK_LABELS[model.language];
  switch (model.view.kind) {
    case 'setup':
      return renderSetup(model.view, labels);
    case 'interview':
      return renderInterview(model.view, model, engine, labels);
    case 'report':
      return renderReport(model.view, engine, labels, model.language);
  }
}

/** `main` is the content of <main> when the caller has rendered it already. */
export function renderMockDocument(model: MockPageModel, resources: WebviewResources, engine: MarkdownEngine, state: { focus: boolean }, main = renderMockMain(model, engine)): string {
  const labels = MOCK_LABELS[model.language];
  const toolbar =
    `<header class="toolbar" role="toolbar" aria-label="${escapeHtml(labels.actions)}"><span class="spacer"></span>` +
    `<button type="button" data-action="setLanguage" data-language="${otherLanguage(model.language)}" aria-label="${escapeHtml(labels.switchLanguageLabel)}" title="${escapeHtml(labels.switchLanguageLabel)}">${escapeHtml(labels.switchLanguage)}</button></header>`;
  return renderShell({
    language: model.language,
    title: labels.title,
    resources,
    state: { language: model.language, focus: state.focus },
    body: `${toolbar}\n<main id="mock">${main}</main>`,
    // Later steps replace <main> by message, and may bring math.
    math: true,
  });
}
