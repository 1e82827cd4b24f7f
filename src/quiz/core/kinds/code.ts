// Code card: a practice problem (content/problems/<id>/, or a user deck's problems/) in Quiz Me. The learner starts
// it in Python or TypeScript — the same attempt file as in the Problems view — and Check runs the problem's cases (the
// vscode layer's problems module). Failing checks record nothing; a pass shows the solution and proposes a rating from
// the checks and hints since the last review; Show solution gives up (recorded as Again). Every problem is a code
// card; a card file may give one a prompt of its own (`kind: code`, `problem: <id>`). In Anki: a Basic note naming
// the problem. This module is the only one that knows a card's problem.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import type { ContentLanguage } from '../../../content/core/language';
import { escapeHtml } from '../../../util/core/html';
import { TOPIC_ID_PATTERN, type CardFieldSchemas, type CardText } from '../cardFields';
import { continueButton, explanationSection, fill, kindLabels, ratingsGroup } from '../quizWidgets';
import type { CardKind, CodeGrade } from './cardKind';

function codeSchema(fields: CardFieldSchemas) {
  return z.strictObject({
    ...fields.common,
    kind: z.literal('code'),
    /** The practice problem's id (its folder under content/problems/, or under a user deck's problems/). */
    problem: z.string().regex(TOPIC_ID_PATTERN),
    explanation: fields.text,
  });
}

export type CodeCard = z.output<ReturnType<typeof codeSchema>>;

/** The practice problem a card asks for, or undefined when it is not a code card. */
export function problemOf(card: { kind: string }): string | undefined {
  return card.kind === 'code' ? (card as CodeCard).problem : undefined;
}

/** The id of the code card a problem gives when no card file names it: `<first topic>/code-<problem id>`. */
export function problemCardId(problemId: string, topicId: string): string {
  return `${topicId}/code-${problemId}`;
}

/** What a problem's card is made of: its statement as the prompt, its reference solutions and explanation after. */
export interface ProblemCardSource {
  id: string;
  topic: string;
  title: Partial<Record<ContentLanguage, string>>;
  statement: Partial<Record<ContentLanguage, string>>;
  explanation: Partial<Record<ContentLanguage, string>>;
  solutions: { ts: string; py: string };
}

function both(text: Partial<Record<ContentLanguage, string>>): CardText {
  const fallback = text.en ?? text['zh-cn'] ?? '';
  return { en: text.en ?? fallback, 'zh-cn': text['zh-cn'] ?? fallback };
}

/** Longer than any run of backticks in the code, so the code cannot end its own fence. */
function fence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code.trimEnd()}\n${marks}`;
}

/** A title as literal Markdown text on one line: a user deck's title must not start a list, a fence or a link. */
function literalInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~$&]/g, (char) => `\\${char}`);
}

/** The code card of a problem that no card file names. */
export function problemCodeCard(source: ProblemCardSource): CodeCard {
  const title = both(source.title);
  const statement = both(source.statement);
  const explanation = both(source.explanation);
  const solutions = `**Python**\n\n${fence(source.solutions.py, 'python')}\n\n**TypeScript**\n\n${fence(source.solutions.ts, 'typescript')}`;
  const text = (language: ContentLanguage) => `**${literalInline(title[language])}**\n\n${statement[language]}`;
  return {
    id: problemCardId(source.id, source.topic),
    topic: source.topic,
    kind: 'code',
    problem: source.id,
    prompt: { en: text('en'), 'zh-cn': text('zh-cn') },
    explanation: { en: `${solutions}\n\n${explanation.en}`, 'zh-cn': `${solutions}\n\n${explanation['zh-cn']}` },
  };
}

const LABELS = kindLabels({
  en: {
    name: 'Practice problem',
    exerciseHint: 'Start it in Python or TypeScript (your attempt file opens beside the quiz), implement it, then Check runs every case against values PyTorch produced.',
    startPy: 'Start in Python',
    startPyLabel: 'Open your Python attempt at this problem (the starter the first time)',
    startTs: 'Start in TypeScript',
    startTsLabel: 'Open your TypeScript attempt at this problem (the starter the first time)',
    check: 'Check',
    checkLabel: 'Run every case against your attempt',
    checking: 'Checking…',
    skip: 'Skip',
    skipLabel: 'Skip this problem for now',
    results: 'Test results',
    passedCount: '{0} of {1} cases pass',
    pass: 'pass',
    fail: 'fail',
    passedPropose: 'All cases pass. {0} is proposed from your checks and hints: rate how hard it was.',
    failing: 'Some cases fail: fix the code and check again. Nothing is rated until it passes or you ask for the solution.',
    showSolution: 'Show solution',
    showSolutionLabel: 'Show the reference solution; this counts as a lapse (rated Again)',
    solutionShown: 'Solution shown: rated Again. The card comes back soon.',
    solution: 'Solution',
  },
  'zh-cn': {
    name: '编程题',
    exerciseHint: '用 Python 或 TypeScript 开始（你的解答文件会在测验旁打开），实现它，然后点“检查”，用 PyTorch 算出的数值检查每个用例。',
    startPy: '用 Python 开始',
    startPyLabel: '打开你在这道题上的 Python 解答（第一次为初始代码）',
    startTs: '用 TypeScript 开始',
    startTsLabel: '打开你在这道题上的 TypeScript 解答（第一次为初始代码）',
    check: '检查',
    checkLabel: '用全部用例检查你的解答',
    checking: '检查中…',
    skip: '跳过',
    skipLabel: '暂时跳过这道题',
    results: '测试结果',
    passedCount: '{1} 个用例中通过 {0} 个',
    pass: '通过',
    fail: '失败',
    passedPropose: '全部用例通过。根据你的检查次数和提示，建议“{0}”：请按难易程度评分。',
    failing: '有用例失败：修改代码后再次检查。通过或查看答案之前不会评分。',
    showSolution: '查看答案',
    showSolutionLabel: '查看参考解答；这算作一次遗忘（记为“重来”）',
    solutionShown: '已查看答案：记为“重来”，这张卡片很快会再出现。',
    solution: '参考解答',
  },
});

type Labels = (typeof LABELS)['en'];

const ANKI_PROBLEM = { en: 'Practice problem', 'zh-cn': '编程题' } as const;

/** What Check found: each case, passed or failed with its reason, and the verdict. */
function renderResults(grade: CodeGrade, verdict: string, allPassed: boolean, own: Labels): string {
  const rows = grade.results
    .map(
      (result) =>
        `<li class="${result.passed ? 'pass' : 'fail'}"><span class="status">${result.passed ? '✓' : '✗'} ${escapeHtml(result.passed ? own.pass : own.fail)}</span> <span class="case">${escapeHtml(result.name)}</span>` +
        (result.passed ? '' : `<div class="reason">${escapeHtml(result.reason)}</div>`) +
        '</li>',
    )
    .join('');
  const fatal = grade.fatal ? `<p class="verdict verdict-wrong" role="alert">${escapeHtml(grade.fatal)}</p>` : '';
  return (
    `<section class="results" aria-label="${escapeHtml(own.results)}"><h2>${escapeHtml(own.results)} (${grade.language === 'ts' ? 'TypeScript' : 'Python'}): ${escapeHtml(fill(own.passedCount, grade.passedCount, grade.results.length))}</h2>${fatal}<ul>${rows}</ul>` +
    (verdict ? `<p class="verdict ${allPassed ? 'verdict-correct' : 'verdict-wrong'}" role="status">${escapeHtml(verdict)}</p>` : '') +
    '</section>'
  );
}

export const codeKind: CardKind<'code', CodeCard, { codeGrade: CodeGrade; checks: number }, keyof Labels> = {
  id: 'code',
  labels: LABELS,
  ankiTag: 'code',
  schema: codeSchema,
  fieldsHint: () => l10n.t('code adds problem and explanation'),
  fieldFixes: {
    problem: () => l10n.t('give the id of a practice problem (a folder name under content/problems/, or under the deck\'s problems/)'),
  },
  session: {
    codeChecked(step, grade) {
      step.codeGrade = grade;
      step.checks = (step.checks ?? 0) + 1;
      const passed = grade.fatal === undefined && grade.results.length > 0 && grade.passedCount === grade.results.length;
      return passed ? grade.proposed : undefined;
    },
    canShowSolution: true,
    started: (step) => step.codeGrade !== undefined,
  },
  render(card, step, { language, trust, engine, labels, checking }) {
    const own = LABELS[language];
    const checkText = checking ? own.checking : own.check;
    // Until it passes, 1–4 start in Python or TypeScript, check or skip; once passed they rate. Show solution has no
    // key: giving up should take more than one keystroke.
    const passed = step.phase === 'passed';
    const key = (digit: number) => (passed ? '' : ` data-key="${digit}" aria-keyshortcuts="${digit}"`);
    const fresh = step.phase === 'question' && !step.codeGrade;
    const buttons = [
      `<button type="button" data-action="openStarter" data-language="py"${key(1)}${fresh ? ' data-autofocus' : ''} aria-label="${escapeHtml(own.startPyLabel)}">${escapeHtml(own.startPy)}</button>`,
      `<button type="button" data-action="openStarter" data-language="ts"${key(2)} aria-label="${escapeHtml(own.startTsLabel)}">${escapeHtml(own.startTs)}</button>`,
      `<button type="button" class="primary" data-action="checkCode"${key(3)}${step.phase === 'question' && step.codeGrade ? ' data-autofocus' : ''} aria-label="${escapeHtml(own.checkLabel)}"${checking || passed ? ' disabled' : ''}${checking ? ' aria-busy="true"' : ''}>${escapeHtml(checkText)}</button>`,
    ];
    if (step.phase === 'question') {
      buttons.push(
        `<button type="button" data-action="skip"${key(4)} aria-label="${escapeHtml(own.skipLabel)}">${escapeHtml(own.skip)}</button>`,
        `<button type="button" data-action="showSolution" aria-label="${escapeHtml(own.showSolutionLabel)}">${escapeHtml(own.showSolution)}</button>`,
      );
    }
    const parts = [`<p class="exercise">${escapeHtml(own.exerciseHint)}</p>`, `<p class="actions">${buttons.join('')}</p>`];
    const grade = step.codeGrade;
    if (grade) {
      const allPassed = grade.fatal === undefined && grade.passedCount === grade.results.length && grade.results.length > 0;
      const verdict = allPassed ? (passed ? fill(own.passedPropose, labels[`rating_${step.proposed ?? 3}`]) : '') : step.phase === 'question' && !grade.fatal ? own.failing : '';
      parts.push(renderResults(grade, verdict, allPassed, own));
    }
    // The solution only after a pass, or when the user asked for it (a lapse).
    const solution = () => explanationSection(card.explanation[language], trust, engine, labels, own.solution, 'explanation solution');
    if (passed) parts.push(solution(), ratingsGroup(step.previews, labels, step.proposed ?? 3, true));
    if (step.phase === 'solution') {
      parts.push(`<p class="verdict verdict-wrong" role="status">${escapeHtml(own.solutionShown)}</p>`, solution(), continueButton(labels));
    }
    return parts.join('');
  },
  anki(card, { language, block }) {
    return { noteType: 'Basic', front: `${block(card.prompt[language])}<p><i>${ANKI_PROBLEM[language]}: <code>${escapeHtml(card.problem)}</code></i></p>`, back: block(card.explanation[language]) };
  },
};
