// The report of a finished mock interview: time per question, checklist coverage per concept, tests passed per
// problem, a score, the weakest topics and the follow-ups to study; kept compact (it syncs) and exported as Markdown.
// vscode-free.
import * as z from 'zod';
import { localize, type ContentLanguage, type LocalizedText } from '../../content/core/language';
import type { FollowUp } from './followUps';
import { MOCK_LENGTHS } from './mockPlan';
import type { MockInterview } from './mockState';

export const MOCK_REPORT_VERSION = 1;
/** Reports kept (the oldest go first): they sync with the progress, so the history stays small. */
export const MAX_REPORTS = 50;
/** A typed answer kept in a report is cut to this. */
export const REPORT_ANSWER_CHARS = 1000;

export type ReportOutcome = 'answered' | 'timeUp' | 'skipped' | 'notReached';

const localized = z.object({ en: z.string().max(500).optional(), 'zh-cn': z.string().max(500).optional() });
const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const outcome = z.enum(['answered', 'timeUp', 'skipped', 'notReached']);
const ms = z.number().finite().nonnegative();
const id = z.string().min(1).max(300);

const reportConcept = z.object({
  kind: z.literal('concept'),
  cardId: id,
  topicKey: id,
  title: localized,
  spentMs: ms,
  allottedMs: ms,
  outcome,
  covered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Indices of the checklist points not covered. */
  missed: z.array(z.number().int().nonnegative()).max(100),
  answer: z.string().max(REPORT_ANSWER_CHARS),
  rating: grade.optional(),
});

const reportProblem = z.object({
  kind: z.literal('problem'),
  problemId: id,
  topicKeys: z.array(id).max(50),
  title: localized,
  spentMs: ms,
  allottedMs: ms,
  outcome,
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  checks: z.number().int().nonnegative(),
  language: z.enum(['ts', 'py']).optional(),
  rating: grade.optional(),
});

export const mockReportSchema = z.object({
  version: z.literal(MOCK_REPORT_VERSION),
  id,
  startedAt: ms,
  finishedAt: ms,
  length: z.union(MOCK_LENGTHS.map((length) => z.literal(length)) as [z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<45>]),
  tracks: z.array(id).max(100),
  /** 0 to 100: the mean of the questions' scores. */
  score: z.number().min(0).max(100),
  questions: z.array(z.discriminatedUnion('kind', [reportConcept, reportProblem])).max(30),
});

export type MockReport = z.infer<typeof mockReportSchema>;
export type ReportQuestion = MockReport['questions'][number];

/** What the report needs that the interview state does not carry: titles. */
export interface ReportTitles {
  topicTitle(topicKey: string): LocalizedText | undefined;
  problemTitle(problemId: string): LocalizedText | undefined;
}

function outcomeOf(phase: MockInterview['questions'][number]['phase'], timedOut: boolean): ReportOutcome {
  if (phase === 'skipped') return 'skipped';
  if (phase === 'pending' || phase === 'notReached') return 'notReached';
  return timedOut ? 'timeUp' : 'answered';
}

/** A question's score, 0 to 1: the checklist share covered, or the share of tests passed; nothing for a skip. */
export function questionScore(question: ReportQuestion): number {
  if (question.outcome === 'skipped' || question.outcome === 'notReached') return 0;
  if (question.kind === 'concept') return question.total > 0 ? question.covered / question.total : 0;
  return question.total > 0 ? question.passed / question.total : 0;
}

/** The interview's score, 0 to 100: the mean of its questions' scores, rounded. */
export function interviewScore(questions: readonly ReportQuestion[]): number {
  if (questions.length === 0) return 0;
  return Math.round((questions.reduce((sum, question) => sum + questionScore(question), 0) / questions.length) * 100);
}

/** Builds the report of an interview (finished, or ended now). */
export function buildReport(state: MockInterview, titles: ReportTitles, now: number): MockReport {
  const questions = state.questions.map((question): ReportQuestion => {
    const base = { spentMs: Math.round(question.spentMs), allottedMs: question.allottedMs, outcome: outcomeOf(question.phase, question.timedOut), ...(question.rating ? { rating: question.rating } : {}) };
    if (question.kind === 'concept') {
      const missed = Array.from({ length: question.checklistTotal }, (_, index) => index).filter((index) => !question.checked.includes(index));
      return {
        kind: 'concept',
        cardId: question.cardId,
        topicKey: question.topicKey,
        title: shortTitle(titles.topicTitle(question.topicKey) ?? { en: question.topicKey }),
        ...base,
        covered: question.checked.length,
        total: question.checklistTotal,
        missed,
        answer: question.answer.slice(0, REPORT_ANSWER_CHARS),
      };
    }
    return {
      kind: 'problem',
      problemId: question.problemId,
      topicKeys: question.topicKeys,
      title: shortTitle(titles.problemTitle(question.problemId) ?? { en: question.problemId }),
      ...base,
      passed: question.best?.passed ?? 0,
      total: question.best?.total ?? 0,
      checks: question.checks,
      ...(question.best ? { language: question.best.language } : {}),
    };
  });
  return {
    version: MOCK_REPORT_VERSION,
    id: state.id,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt ?? now,
    length: state.length,
    tracks: state.tracks,
    score: interviewScore(questions),
    questions,
  };
}

function shortTitle(title: LocalizedText): LocalizedText {
  const cut = (text: string | undefined) => (text === undefined ? undefined : text.slice(0, 500));
  return { ...(title.en !== undefined ? { en: cut(title.en) } : {}), ...(title['zh-cn'] !== undefined ? { 'zh-cn': cut(title['zh-cn']) } : {}) };
}

/**
 * The weakest topics of a report, weakest first: each question's topics with its score below 1. Questions the
 * interview never reached say nothing about the learner and are left out.
 */
export function weakestTopics(report: MockReport, limit = 3): { topicKey: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const question of report.questions) {
    const score = questionScore(question);
    if (score >= 1 || question.outcome === 'notReached') continue;
    const keys = question.kind === 'concept' ? [question.topicKey] : question.topicKeys;
    for (const key of keys) scores.set(key, Math.min(scores.get(key) ?? 1, score));
  }
  return [...scores.entries()]
    .map(([topicKey, score]) => ({ topicKey, score }))
    .sort((a, b) => a.score - b.score || a.topicKey.localeCompare(b.topicKey))
    .slice(0, limit);
}

/** Topics whose follow-ups the report sends the user to study: every concept question asked and not fully covered. */
export function followUpTopics(report: MockReport): string[] {
  return [...new Set(report.questions.flatMap((question) => (question.kind === 'concept' && question.outcome !== 'notReached' && questionScore(question) < 1 ? [question.topicKey] : [])))];
}

/** Adds a report to the history (replacing one with the same id), newest last, at most MAX_REPORTS. */
export function addReport(reports: readonly MockReport[], report: MockReport): MockReport[] {
  return [...reports.filter((candidate) => candidate.id !== report.id), report].sort((a, b) => a.finishedAt - b.finishedAt).slice(-MAX_REPORTS);
}

/** The stored history; unreadable entries are dropped one by one (a report from a later version, a damaged copy). */
export function loadReports(raw: unknown): MockReport[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = mockReportSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The history merged with another window's copy: the union by id. */
export function mergeReports(a: readonly MockReport[], b: readonly MockReport[]): MockReport[] {
  return b.reduce<MockReport[]>((all, report) => (all.some((candidate) => candidate.id === report.id) ? all : addReport(all, report)), [...a]);
}

/** Scores over time, oldest first, for the trend on the Progress page. */
export function scoreTrend(reports: readonly MockReport[], limit = 20): { finishedAt: number; score: number }[] {
  return [...reports].sort((a, b) => a.finishedAt - b.finishedAt).slice(-limit).map((report) => ({ finishedAt: report.finishedAt, score: report.score }));
}

/** "4:05": minutes and seconds (hours when longer), rounded down. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  const text = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
  return negative ? `-${text}` : text;
}

export const REPORT_LABELS = {
  en: {
    title: 'Mock interview',
    reportTitle: 'Mock interview report',
    date: 'Date',
    length: 'Length',
    minutes: '{0} min',
    score: 'Score',
    question: 'Question',
    kind_concept: 'Concept',
    kind_problem: 'Problem',
    time: 'Time',
    result: 'Result',
    coverage: '{0}/{1} checklist points',
    tests: '{0}/{1} tests passed (checks: {2})',
    noCheck: 'not checked',
    outcome_answered: 'answered',
    outcome_timeUp: 'time up',
    outcome_skipped: 'skipped',
    outcome_notReached: 'not reached',
    rating: 'Rating',
    rating_1: 'Again',
    rating_2: 'Hard',
    rating_3: 'Good',
    rating_4: 'Easy',
    missed: 'Missed',
    yourAnswer: 'Your answer',
    weakest: 'Weakest topics',
    followUps: 'Follow-ups to study',
    none: 'None.',
  },
  'zh-cn': {
    title: '模拟面试',
    reportTitle: '模拟面试报告',
    date: '日期',
    length: '时长',
    minutes: '{0} 分钟',
    score: '得分',
    question: '题目',
    kind_concept: '概念题',
    kind_problem: '编程题',
    time: '用时',
    result: '结果',
    coverage: '覆盖要点 {0}/{1}',
    tests: '通过测试 {0}/{1}（检查 {2} 次）',
    noCheck: '未检查',
    outcome_answered: '已作答',
    outcome_timeUp: '超时',
    outcome_skipped: '已跳过',
    outcome_notReached: '未到达',
    rating: '评分',
    rating_1: '重来',
    rating_2: '困难',
    rating_3: '良好',
    rating_4: '简单',
    missed: '遗漏',
    yourAnswer: '你的回答',
    weakest: '最薄弱的题目',
    followUps: '需要复习的追问',
    none: '无。',
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

export type ReportLabels = (typeof REPORT_LABELS)[ContentLanguage];

export function fillTemplate(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] === undefined ? match : String(values[Number(index)])));
}

/** What the Markdown export and the report page resolve from the current content. */
export interface ReportContext {
  language: ContentLanguage;
  /** A topic's title by key (falls back to the title stored in the report). */
  topicTitle(topicKey: string): string | undefined;
  /** A concept's checklist points in the language, to name the missed ones. */
  checklist(cardId: string): readonly string[] | undefined;
  followUps(topicKey: string): readonly FollowUp[];
}

export function questionResult(question: ReportQuestion, labels: ReportLabels): string {
  if (question.kind === 'concept') return fillTemplate(labels.coverage, question.covered, question.total);
  return question.total > 0 ? fillTemplate(labels.tests, question.passed, question.total, question.checks) : labels.noCheck;
}

/** Escapes text for a Markdown table cell or line: no raw HTML, no table breaks, no line breaks. */
function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

function isoDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The report as a Markdown document (Export as Markdown). */
export function reportMarkdown(report: MockReport, context: ReportContext): string {
  const labels = REPORT_LABELS[context.language];
  const lines: string[] = [
    `# ${labels.reportTitle}`,
    '',
    `- ${labels.date}: ${isoDay(report.finishedAt)}`,
    `- ${labels.length}: ${fillTemplate(labels.minutes, report.length)}`,
    `- ${labels.score}: ${report.score}/100`,
    '',
    `| # | ${labels.question} | ${labels.time} | ${labels.result} | ${labels.rating} |`,
    '| --- | --- | --- | --- | --- |',
  ];
  report.questions.forEach((question, index) => {
    const title = (question.kind === 'concept' ? context.topicTitle(question.topicKey) : undefined) ?? localize(question.title, context.language) ?? '';
    const kind = labels[`kind_${question.kind}`];
    const result = `${questionResult(question, labels)} (${labels[`outcome_${question.outcome}`]})`;
    const rating = question.rating ? labels[`rating_${question.rating}`] : '—';
    lines.push(`| ${index + 1} | ${md(`${kind}: ${title}`)} | ${formatClock(question.spentMs)} / ${formatClock(question.allottedMs)} | ${md(result)} | ${rating} |`);
  });
  for (const [index, question] of report.questions.entries()) {
    if (question.kind !== 'concept' || (question.answer === '' && question.missed.length === 0)) continue;
    const title = context.topicTitle(question.topicKey) ?? localize(question.title, context.language) ?? question.topicKey;
    lines.push('', `## ${index + 1}. ${md(title)}`);
    if (question.answer !== '') lines.push('', `**${labels.yourAnswer}:**`, '', ...question.answer.split(/\r?\n/).map((line) => `> ${md(line)}`));
    const checklist = context.checklist(question.cardId);
    if (checklist && question.missed.length > 0) {
      lines.push('', `**${labels.missed}:**`, '', ...question.missed.flatMap((point) => (checklist[point] !== undefined ? [`- ${md(checklist[point])}`] : [])));
    }
  }
  const weak = weakestTopics(report);
  lines.push('', `## ${labels.weakest}`, '');
  if (weak.length === 0) lines.push(labels.none);
  for (const topic of weak) lines.push(`- ${md(context.topicTitle(topic.topicKey) ?? topic.topicKey)} (${Math.round(topic.score * 100)}%)`);
  const followUps = followUpTopics(report).flatMap((key) => context.followUps(key).map((followUp) => ({ key, followUp })));
  lines.push('', `## ${labels.followUps}`, '');
  if (followUps.length === 0) lines.push(labels.none);
  for (const { key, followUp } of followUps) lines.push(`- ${md(followUp.question)} — *${md(context.topicTitle(key) ?? key)}*`);
  return `${lines.join('\n')}\n`;
}
