// What follows the user through Settings Sync after years of heavy use, key by key, against the design limit.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport, MAX_REPORTS, REPORT_ANSWER_CHARS } from '../../../../src/mock/core/mockReport';
import { reportsForSync } from '../../../../src/mock/core/mockStore';
import { finish, setAnswer, startInterview, submit, rate, type MockInterview } from '../../../../src/mock/core/mockState';
import { SYNCED_KEYS } from '../../../../src/quiz/core/quizStore';
import { QuizScheduler, Rating, type QuizReview } from '../../../../src/quiz/core/scheduler';
import { encodeSynced, NO_RESET, SYNC_LIMIT_BYTES } from '../../../../src/quiz/core/syncedProgress';
import type { Card } from 'ts-fsrs';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

function quizAfterYears(): unknown {
  const scheduler = new QuizScheduler();
  const { state, review } = scheduler.rate('x', undefined, Rating.Good, new Date(T0));
  const cards: Record<string, Card> = {};
  const log: QuizReview[] = [];
  for (let index = 0; index < 300_000; index += 1) {
    const cardId = `user/my-own-deck/a-long-topic-name-${index % 3000}/card-${index % 20_000}`;
    const at = new Date(T0 + Math.floor((index / 300_000) * 3 * 365 * DAY));
    log.push({ ...review, cardId, review: at, id: globalThis.crypto.randomUUID() });
    cards[cardId] = { ...state, last_review: at };
  }
  return encodeSynced({ cards, log }, NO_RESET, Array.from({ length: 80 }, () => globalThis.crypto.randomUUID()));
}

/** Every problem solved in both languages, checked on 15 different days (a dozen checks each), every hint opened. */
function problemsAfterYears(): unknown {
  const ids = readdirSync(path.join(__dirname, '..', '..', '..', '..', 'content', 'problems'));
  const at = new Date(T0).toISOString();
  const record = {
    startedAt: at,
    solvedAt: at,
    solvedIn: ['ts', 'py'],
    hints: 3,
    checks: 400,
    solutionViewed: true,
    lastCheck: { at, language: 'py', passed: 7, total: 7 },
    checksByDay: Object.fromEntries(Array.from({ length: 15 }, (_, day) => [new Date(T0 + day * 9 * DAY).toISOString().slice(0, 10), 12])),
    sinceReview: { checks: 3, hints: 1, passed: true, solutionViewed: false },
  };
  return { version: 1, problems: Object.fromEntries(ids.map((id) => [`builtin/${id}`, record])) };
}

function interview(id: string, answerChars: number): MockInterview {
  const plan = Array.from({ length: 10 }, (_, index) => ({ kind: 'concept' as const, cardId: `builtin/topic-${index}/recall-${index}`, topicKey: `builtin/topic-${index}`, allottedMs: 4 * 60_000 }));
  let state = startInterview({ id, seed: id, length: 45, tracks: ['transformers-llms', 'training-alignment'], plan, checklistTotals: {}, now: T0 });
  for (let index = 0; index < plan.length; index += 1) {
    state = setAnswer(state, 'x'.repeat(answerChars)).state;
    state = submit(state, T0 + (index + 1) * 60_000).state;
    state = rate(state, 3, T0 + (index + 1) * 60_000 + 1).state;
  }
  return state;
}

describe('what Settings Sync carries after years of heavy use', () => {
  it(`stays under the design limit of ${SYNC_LIMIT_BYTES.toLocaleString('en')} bytes, every synced key counted`, () => {
    const titles = { topicTitle: () => ({ en: 'A topic title of ordinary length', 'zh-cn': '一个普通长度的题目标题' }), problemTitle: () => ({ en: 'Softmax' }) };
    const reports = Array.from({ length: MAX_REPORTS }, (_, index) => buildReport(finish(interview(`report-${index}`, REPORT_ANSWER_CHARS), T0 + DAY).state, titles, T0 + index * DAY));
    const sizes: Record<string, number> = {
      'mlInterview.quiz.synced': bytes(quizAfterYears()),
      'mlInterview.problems.progress': bytes(problemsAfterYears()),
      // A 45-minute interview in progress with ten typed answers of 1,500 characters.
      'mlInterview.mock.session': bytes(interview('in-progress', 1500)),
      'mlInterview.mock.reports.synced': bytes(reportsForSync(reports)),
      // Every checklist point ticked in 60 topics.
      'mlInterview.checklist': bytes(Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`builtin/track/topic-${index}`, Array.from({ length: 10 }, (__, item) => item)]))),
    };
    assert.deepEqual(Object.keys(sizes).sort(), [...SYNCED_KEYS].sort(), 'every synced key is measured');
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    assert.ok(total < SYNC_LIMIT_BYTES, `${total} bytes: ${JSON.stringify(sizes)}`);
  });
});
