import * as assert from 'node:assert/strict';
import { MockStore, MOCK_REPORTS_KEY, MOCK_REPORTS_SYNC_BUDGET_BYTES, MOCK_REPORTS_SYNCED_KEY, MOCK_SESSION_KEY, reportsForSync } from '../../../../src/mock/core/mockStore';
import {
  addReport,
  buildReport,
  followUpTopics,
  formatClock,
  interviewScore,
  loadReports,
  MAX_REPORTS,
  REPORT_ANSWER_CHARS,
  mockReportSchema,
  reportMarkdown,
  scoreTrend,
  weakestTopics,
  type MockReport,
  type ReportContext,
} from '../../../../src/mock/core/mockReport';
import { finish, problemChecked, rate, setAnswer, setChecked, skip, startInterview, submit, type MockInterview } from '../../../../src/mock/core/mockState';
import { SYNCED_KEYS } from '../../../../src/quiz/core/quizStore';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 10);

function finished(): MockInterview {
  let state = startInterview({
    id: 'r1',
    seed: 'r1',
    length: 15,
    tracks: ['bytedance-ai-lab'],
    plan: [
      { kind: 'concept', cardId: 'a/recall', topicKey: 'builtin/a', allottedMs: 4 * MIN },
      { kind: 'concept', cardId: 'b/recall', topicKey: 'builtin/b', allottedMs: 4 * MIN },
      { kind: 'problem', problemId: 'softmax', topicKeys: ['builtin/c'], allottedMs: 7 * MIN },
    ],
    checklistTotals: { 'a/recall': 4, 'b/recall': 2 },
    now: T0,
  });
  state = setAnswer(state, 'Over the batch | per channel\n<b>and</b> γ, β').state;
  state = submit(state, T0 + 3 * MIN + 5000).state;
  state = setChecked(state, [0, 2, 3]).state;
  state = rate(state, 2, T0 + 4 * MIN).state;
  state = skip(state, T0 + 5 * MIN).state;
  state = problemChecked(state, { problemId: 'softmax', passed: 2, total: 4, language: 'py' }, T0 + 8 * MIN).state;
  state = submit(state, T0 + 9 * MIN).state;
  return rate(state, 1, T0 + 10 * MIN).state;
}

const titles = { topicTitle: (key: string) => ({ en: `Topic ${key.slice(-1).toUpperCase()}`, 'zh-cn': `题目 ${key.slice(-1)}` }), problemTitle: () => ({ en: 'Softmax' }) };

function memento(): { get(key: string): unknown; update(key: string, value: unknown): Promise<void>; data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (key) => data.get(key), update: async (key, value) => void (value === undefined ? data.delete(key) : data.set(key, structuredClone(value))) };
}

describe('mock interview report', () => {
  it('lists time, coverage and tests per question, and scores the mean of the questions', () => {
    const report = buildReport(finished(), titles, T0 + 10 * MIN);
    assert.ok(mockReportSchema.safeParse(report).success);
    assert.deepEqual(
      report.questions.map((question) => [question.kind, question.outcome, question.spentMs, question.rating]),
      [
        ['concept', 'answered', 3 * MIN + 5000, 2],
        ['concept', 'skipped', MIN, undefined],
        ['problem', 'answered', 4 * MIN, 1],
      ],
    );
    const [first, , third] = report.questions;
    assert.deepEqual(first.kind === 'concept' && [first.covered, first.total, first.missed], [3, 4, [1]]);
    assert.deepEqual(third.kind === 'problem' && [third.passed, third.total, third.checks, third.language], [2, 4, 1, 'py']);
    // (0.75 + 0 + 0.5) / 3
    assert.equal(report.score, 42);
    assert.equal(interviewScore([]), 0);
  });

  it('names the weakest topics, weakest first, and the topics whose follow-ups to study', () => {
    const report = buildReport(finished(), titles, T0 + 10 * MIN);
    assert.deepEqual(weakestTopics(report), [
      { topicKey: 'builtin/b', score: 0 },
      { topicKey: 'builtin/c', score: 0.5 },
      { topicKey: 'builtin/a', score: 0.75 },
    ]);
    assert.deepEqual(followUpTopics(report), ['builtin/a', 'builtin/b']);
  });

  it('leaves questions the interview never reached out of the weakest topics and the follow-ups', () => {
    const ended = finish(finished(), T0);
    const early = buildReport(finish(startInterview({ id: 'e', seed: 'e', length: 15, tracks: [], plan: [
      { kind: 'concept', cardId: 'a/recall', topicKey: 'builtin/a', allottedMs: 4 * MIN },
      { kind: 'concept', cardId: 'b/recall', topicKey: 'builtin/b', allottedMs: 4 * MIN },
    ], checklistTotals: { 'a/recall': 2, 'b/recall': 2 }, now: T0 }), T0 + MIN).state, titles, T0 + MIN);
    assert.equal(ended.changed, false, 'a finished interview stays as it was');
    assert.deepEqual(early.questions.map((question) => question.outcome), ['skipped', 'notReached']);
    assert.deepEqual(weakestTopics(early), [{ topicKey: 'builtin/a', score: 0 }]);
    assert.deepEqual(followUpTopics(early), ['builtin/a']);
  });

  it('exports Markdown with the table, the answers, the missed points, the weakest topics and the follow-ups', () => {
    const report = buildReport(finished(), titles, T0 + 10 * MIN);
    const context: ReportContext = {
      language: 'en',
      topicTitle: (key) => titles.topicTitle(key).en,
      checklist: (cardId) => (cardId === 'a/recall' ? ['axes', 'gamma and beta', 'running stats', 'momentum'] : undefined),
      followUps: (key) => (key === 'builtin/a' ? [{ question: 'Can BN be folded into a conv?', answer: 'Yes.' }] : []),
    };
    const markdown = reportMarkdown(report, context);
    assert.match(markdown, /^# Mock interview report\n/);
    assert.match(markdown, /- Score: 42\/100/);
    assert.match(markdown, /\| 1 \| Concept: Topic A \| 3:05 \/ 4:00 \| 3\/4 checklist points \(answered\) \| Hard \|/);
    assert.match(markdown, /\| 3 \| Problem: Softmax \| 4:00 \/ 7:00 \| 2\/4 tests passed \(checks: 1\) \(answered\) \| Again \|/);
    // Typed text cannot break the table or bring HTML.
    assert.match(markdown, /> Over the batch \\\| per channel\n> \\<b\\>and\\<\/b\\> γ, β/);
    assert.match(markdown, /\*\*Missed:\*\*\n\n- gamma and beta/);
    assert.match(markdown, /## Weakest topics\n\n- Topic B \(0%\)\n- Topic C \(50%\)\n- Topic A \(75%\)/);
    assert.match(markdown, /## Follow-ups to study\n\n- Can BN be folded into a conv\? — \*Topic A\*/);
    assert.match(reportMarkdown(report, { ...context, language: 'zh-cn' }), /^# 模拟面试报告\n[\s\S]*得分: 42\/100/);
  });

  it('keeps the newest reports, skips unreadable ones and gives the score trend oldest first', () => {
    const report = (index: number): MockReport => ({ ...buildReport(finished(), titles, 0), id: `r${index}`, finishedAt: T0 + index * MIN, score: index });
    let history: MockReport[] = [];
    for (let index = 0; index < MAX_REPORTS + 5; index += 1) history = addReport(history, report(index));
    assert.equal(history.length, MAX_REPORTS);
    assert.equal(history[0].id, 'r5');
    assert.deepEqual(loadReports([history[0], { id: 'broken' }, 7]).map((entry) => entry.id), ['r5']);
    assert.deepEqual(loadReports('nonsense'), []);
    assert.deepEqual(scoreTrend(history, 3).map((point) => point.score), [52, 53, 54]);
  });

  it('formats clocks as m:ss, and h:mm:ss past an hour', () => {
    assert.deepEqual([formatClock(0), formatClock(65_999), formatClock(3_600_000 + 61_000), formatClock(-5000)], ['0:00', '1:05', '1:01:01', '-0:05']);
  });
});

describe('mock interview store', () => {
  it('syncs the interview in progress and the reports without their answers; the answers stay on this machine', () => {
    assert.ok(SYNCED_KEYS.includes(MOCK_SESSION_KEY));
    assert.ok(SYNCED_KEYS.includes(MOCK_REPORTS_SYNCED_KEY));
    assert.ok(!SYNCED_KEYS.includes(MOCK_REPORTS_KEY));
  });

  it('brings reports finished on another machine, without their answers, and keeps this machine\'s answers', async () => {
    const laptop = memento();
    const desktop = memento();
    const typed = buildReport(finished(), titles, T0);
    await new MockStore(laptop).finish(typed);
    desktop.data.set(MOCK_REPORTS_SYNCED_KEY, laptop.data.get(MOCK_REPORTS_SYNCED_KEY));
    const onDesktop = new MockStore(desktop).reports();
    assert.deepEqual(onDesktop.map((report) => report.id), [typed.id]);
    assert.deepEqual(onDesktop[0].questions.map((question) => (question.kind === 'concept' ? question.answer : question.kind)), typed.questions.map((question) => (question.kind === 'concept' ? '' : question.kind)));
    assert.deepEqual(new MockStore(laptop).reports(), [typed]);
  });

  it('keeps the synced copy of the reports within its budget, newest first, however long the answers', () => {
    const base = buildReport(finished(), titles, T0);
    const long = 'x'.repeat(REPORT_ANSWER_CHARS);
    const reports = Array.from({ length: MAX_REPORTS }, (_, index) => ({
      ...base,
      id: `r${index}`,
      finishedAt: T0 + index,
      questions: base.questions.map((question) => (question.kind === 'concept' ? { ...question, answer: long } : question)),
    }));
    const synced = reportsForSync(reports);
    assert.ok(Buffer.byteLength(JSON.stringify(synced)) <= MOCK_REPORTS_SYNC_BUDGET_BYTES);
    assert.ok(synced.length > 0 && synced.length < MAX_REPORTS);
    assert.deepEqual(synced.map((report) => report.id), reports.slice(-synced.length).map((report) => report.id));
    assert.ok(synced.every((report) => report.questions.every((question) => question.kind !== 'concept' || question.answer === '')));
  });

  it('resumes a stored interview paused, and on finish keeps the report and clears the interview', async () => {
    const storage = memento();
    const store = new MockStore(storage);
    assert.equal(store.interview(), undefined);
    const state = startInterview({ id: 's1', seed: 's1', length: 15, tracks: [], plan: [{ kind: 'concept', cardId: 'a/recall', topicKey: 'builtin/a', allottedMs: 4 * MIN }], checklistTotals: {}, now: T0 });
    await store.saveInterview(setAnswer(state, 'typed').state, T0 + MIN);
    // A new window (or a reload) reads the same storage.
    const restored = new MockStore(storage).interview();
    assert.ok(restored?.ok);
    assert.equal(restored.state.paused, true);
    assert.equal(restored.state.questions[0].kind === 'concept' && restored.state.questions[0].answer, 'typed');
    await store.finish(buildReport(finished(), titles, T0));
    assert.equal(storage.data.has(MOCK_SESSION_KEY), false);
    assert.deepEqual(store.reports().map((report) => report.id), ['r1']);
  });

  it('sets aside an unreadable stored interview with its reason', () => {
    const storage = memento();
    storage.data.set(MOCK_SESSION_KEY, { version: 1 });
    const restored = new MockStore(storage).interview();
    assert.equal(restored?.ok, false);
  });
});
