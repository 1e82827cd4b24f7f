// Code exercise: the user opens the exercise's starter (content/exercises/<id>.ts), implements it, and Check runs it
// against PyTorch's values (codeHarness.ts, run by the vscode layer's codeExercise.ts). Failing checks record nothing;
// a pass shows the solution and proposes a rating; Show solution gives up (recorded as Again). In Anki: a Basic note
// naming the exercise. This module is the only one that knows a card's exercise.
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { escapeHtml } from '../../../util/core/html';
import type { CardFieldSchemas } from '../cardFields';
import type { CodeGrade } from '../codeGrading';
import { continueButton, explanationSection, fill, kindLabels, ratingsGroup } from '../quizWidgets';
import { Rating, type Grade } from '../scheduler';
import type { CardKind } from './cardKind';

/** Ids of the starter files in content/exercises/<id>.ts. */
export const EXERCISE_IDS = ['batchnorm', 'layernorm', 'attention-causal'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

function codeSchema(fields: CardFieldSchemas) {
  return z.strictObject({
    ...fields.common,
    kind: z.literal('code'),
    exercise: z.enum(EXERCISE_IDS),
    explanation: fields.text,
  });
}

export type CodeCard = z.output<ReturnType<typeof codeSchema>>;

/** The exercise a card asks for, or undefined when it is not a code exercise. */
export function exerciseOf(card: { kind: string }): ExerciseId | undefined {
  return card.kind === 'code' ? (card as CodeCard).exercise : undefined;
}

/** The rating a passing exercise suggests: Good when it passed at the first check, Hard when it took several. */
export function ratingFromChecks(checks: number): Grade {
  return checks <= 1 ? Rating.Good : Rating.Hard;
}

const LABELS = kindLabels({
  en: {
    name: 'Code exercise',
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
  },
  'zh-cn': {
    name: '编程练习',
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
  },
});

type Labels = (typeof LABELS)['en'];

const ANKI_EXERCISE = { en: 'Exercise', 'zh-cn': '练习' } as const;

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
  return (
    `<section class="results" aria-label="${escapeHtml(own.results)}"><h2>${escapeHtml(own.results)}: ${escapeHtml(fill(own.passedCount, grade.passedCount, grade.results.length))}</h2><ul>${rows}</ul>` +
    (verdict ? `<p class="verdict ${allPassed ? 'verdict-correct' : 'verdict-wrong'}" role="status">${escapeHtml(verdict)}</p>` : '') +
    '</section>'
  );
}

export const codeKind: CardKind<'code', CodeCard, { codeGrade: CodeGrade; checks: number }, keyof Labels> = {
  id: 'code',
  labels: LABELS,
  ankiTag: 'code',
  schema: codeSchema,
  fieldsHint: () => l10n.t('code adds exercise and explanation'),
  fieldFixes: {
    exercise: () => l10n.t('use one of {0}', EXERCISE_IDS.join(', ')),
  },
  session: {
    codeChecked(step, grade) {
      step.codeGrade = grade;
      step.checks = (step.checks ?? 0) + 1;
      const passed = grade.results.length > 0 && grade.passedCount === grade.results.length;
      return passed ? ratingFromChecks(step.checks) : undefined;
    },
    canShowSolution: true,
    started: (step) => step.codeGrade !== undefined,
  },
  render(card, step, { language, trust, engine, labels, checking }) {
    const own = LABELS[language];
    const checkText = checking ? own.checking : own.check;
    // Once the exercise passed, 1–4 rate it; until then they open, check, skip or show the solution.
    const passed = step.phase === 'passed';
    const key = (digit: number) => (passed ? '' : ` data-key="${digit}" aria-keyshortcuts="${digit}"`);
    const buttons = [
      `<button type="button" data-action="openStarter"${key(1)}${step.phase === 'question' && !step.codeGrade ? ' data-autofocus' : ''} aria-label="${escapeHtml(own.openStarterLabel)}">${escapeHtml(own.openStarter)}</button>`,
      `<button type="button" class="primary" data-action="checkCode"${key(2)}${step.phase === 'question' && step.codeGrade ? ' data-autofocus' : ''} aria-label="${escapeHtml(own.checkLabel)}"${checking || passed ? ' disabled' : ''}${checking ? ' aria-busy="true"' : ''}>${escapeHtml(checkText)}</button>`,
    ];
    if (step.phase === 'question') {
      buttons.push(
        `<button type="button" data-action="skip"${key(3)} aria-label="${escapeHtml(own.skipLabel)}">${escapeHtml(own.skip)}</button>`,
        `<button type="button" data-action="showSolution"${key(4)} aria-label="${escapeHtml(own.showSolutionLabel)}">${escapeHtml(own.showSolution)}</button>`,
      );
    }
    const parts = [
      `<p class="exercise"><code>${escapeHtml(`${card.exercise}.exercise.ts`)}</code> — ${escapeHtml(own.exerciseHint)}</p>`,
      `<p class="actions">${buttons.join('')}</p>`,
    ];
    const grade = step.codeGrade;
    if (grade) {
      const allPassed = grade.passedCount === grade.results.length && grade.results.length > 0;
      const verdict = allPassed ? (passed ? fill(own.passedPropose, labels[`rating_${step.proposed ?? 3}`]) : '') : step.phase === 'question' ? own.failing : '';
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
    return { noteType: 'Basic', front: `${block(card.prompt[language])}<p><i>${ANKI_EXERCISE[language]}: <code>${card.exercise}</code></i></p>`, back: block(card.explanation[language]) };
  },
};
