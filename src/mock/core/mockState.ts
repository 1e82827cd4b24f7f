// A mock interview in progress as plain data: the questions, what was typed, ticked and checked, and the clocks, kept
// as spent time plus the moment the running segment began, so every figure is a pure function of the state and an
// explicit time. Each transition returns a new state. Serialized to globalState on every change (validated with zod
// when read back), so a reload resumes where it was. vscode-free.
import * as z from 'zod';
import { emptyRecord, proposeRating } from '../../problems/core/problemProgress';
import { ratingFromChecklist } from '../../quiz/core/kinds/recall';
import type { Grade } from '../../quiz/core/scheduler';
import { MOCK_LENGTHS, type MockLength, type PlannedQuestion } from './mockPlan';

import { MAX_ANSWER_CHARS } from './mockMessages';

export const MOCK_STATE_VERSION = 1;

/**
 * pending: not reached yet; answering: on the clock; review: time stopped, the model answer (or the test result) is
 * shown and the user ticks the checklist and picks a rating; done: rated; skipped: passed over; notReached: the
 * interview ended first.
 */
export type QuestionPhase = 'pending' | 'answering' | 'review' | 'done' | 'skipped' | 'notReached';

const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const phase = z.enum(['pending', 'answering', 'review', 'done', 'skipped', 'notReached']);
const ms = z.number().finite().nonnegative();
const id = z.string().min(1).max(300);

const conceptSchema = z.object({
  kind: z.literal('concept'),
  cardId: id,
  topicKey: id,
  allottedMs: ms,
  phase,
  spentMs: ms,
  timedOut: z.boolean(),
  answer: z.string().max(MAX_ANSWER_CHARS),
  checklistTotal: z.number().int().min(0).max(100),
  checked: z.array(z.number().int().min(0).max(99)).max(100),
  proposed: grade.optional(),
  rating: grade.optional(),
});

const problemSchema = z.object({
  kind: z.literal('problem'),
  problemId: id,
  topicKeys: z.array(id).max(50),
  allottedMs: ms,
  phase,
  spentMs: ms,
  timedOut: z.boolean(),
  checks: z.number().int().nonnegative(),
  best: z.object({ passed: z.number().int().nonnegative(), total: z.number().int().nonnegative(), language: z.enum(['ts', 'py']) }).optional(),
  proposed: grade.optional(),
  rating: grade.optional(),
});

export const mockInterviewSchema = z.object({
  version: z.literal(MOCK_STATE_VERSION),
  id,
  seed: z.string().max(300),
  length: z.union(MOCK_LENGTHS.map((length) => z.literal(length)) as [z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<45>]),
  tracks: z.array(id).max(100),
  startedAt: ms,
  questions: z.array(z.discriminatedUnion('kind', [conceptSchema, problemSchema])).min(1).max(30),
  current: z.number().int().nonnegative(),
  /** When the running segment began; absent while paused, in review or finished. */
  runningSince: ms.optional(),
  paused: z.boolean(),
  /** The whole interview's time ran out: the question under review is the last. */
  timeUp: z.boolean(),
  finishedAt: ms.optional(),
  savedAt: ms,
});

export type MockInterview = z.infer<typeof mockInterviewSchema>;
export type MockQuestion = MockInterview['questions'][number];
export type ConceptQuestion = Extract<MockQuestion, { kind: 'concept' }>;
export type ProblemQuestion = Extract<MockQuestion, { kind: 'problem' }>;

/** What a transition asks the host to record on a card's FSRS schedule. */
export type RatingToRecord = { kind: 'concept'; cardId: string; rating: Grade } | { kind: 'problem'; problemId: string; rating: Grade };

export interface Transition {
  state: MockInterview;
  /** Whether anything changed (an action that does not apply now leaves the state as it was). */
  changed: boolean;
  toRecord?: RatingToRecord;
}

/** Starts an interview on its first question, the clock running. */
export function startInterview(options: {
  id: string;
  seed: string;
  length: MockLength;
  tracks: readonly string[];
  plan: readonly PlannedQuestion[];
  checklistTotals: Readonly<Record<string, number>>;
  now: number;
}): MockInterview {
  const questions = options.plan.map((planned, index): MockQuestion => {
    const phase: QuestionPhase = index === 0 ? 'answering' : 'pending';
    return planned.kind === 'concept'
      ? { kind: 'concept', cardId: planned.cardId, topicKey: planned.topicKey, allottedMs: planned.allottedMs, phase, spentMs: 0, timedOut: false, answer: '', checklistTotal: options.checklistTotals[planned.cardId] ?? 0, checked: [] }
      : { kind: 'problem', problemId: planned.problemId, topicKeys: [...planned.topicKeys], allottedMs: planned.allottedMs, phase, spentMs: 0, timedOut: false, checks: 0 };
  });
  return {
    version: MOCK_STATE_VERSION,
    id: options.id,
    seed: options.seed,
    length: options.length,
    tracks: [...options.tracks],
    startedAt: options.now,
    questions,
    current: 0,
    runningSince: options.now,
    paused: false,
    timeUp: false,
    savedAt: options.now,
  };
}

export function lengthMs(state: Pick<MockInterview, 'length'>): number {
  return state.length * 60_000;
}

function running(state: MockInterview, now: number): number {
  return state.runningSince === undefined ? 0 : Math.max(0, now - state.runningSince);
}

/** Time spent on one question so far. */
export function questionElapsed(state: MockInterview, index: number, now: number): number {
  const question = state.questions[index];
  if (!question) return 0;
  return question.spentMs + (index === state.current ? running(state, now) : 0);
}

/** Time spent on the whole interview so far (review of an answer is not interview time). */
export function totalElapsed(state: MockInterview, now: number): number {
  return state.questions.reduce((sum, question) => sum + question.spentMs, 0) + running(state, now);
}

export function questionRemaining(state: MockInterview, now: number): number {
  const question = state.questions[state.current];
  return question ? question.allottedMs - questionElapsed(state, state.current, now) : 0;
}

export function totalRemaining(state: MockInterview, now: number): number {
  return lengthMs(state) - totalElapsed(state, now);
}

export function currentQuestion(state: MockInterview): MockQuestion | undefined {
  return state.finishedAt === undefined ? state.questions[state.current] : undefined;
}

/** Whether the clock runs now (a question on the clock, not paused, not finished). */
export function isRunning(state: MockInterview): boolean {
  return state.runningSince !== undefined;
}

function withQuestion(state: MockInterview, index: number, update: Partial<MockQuestion>): MockInterview {
  return { ...state, questions: state.questions.map((question, at) => (at === index ? ({ ...question, ...update } as MockQuestion) : question)) };
}

/** Folds the running segment, up to `until`, into the current question's spent time, and stops the clock. */
function stopClock(state: MockInterview, until: number): MockInterview {
  if (state.runningSince === undefined) return state;
  const question = state.questions[state.current];
  const folded = withQuestion(state, state.current, { spentMs: question.spentMs + Math.max(0, until - state.runningSince) });
  return { ...folded, runningSince: undefined };
}

/**
 * The proposed rating of a problem, as the problems layer proposes one for its code card: passed at the first check →
 * Good, after several → Hard, not passed → Again (no hints in an interview).
 */
function problemProposal(question: ProblemQuestion): Grade {
  const best = question.best;
  const passed = best !== undefined && best.total > 0 && best.passed === best.total;
  return proposeRating({ ...emptyRecord(), sinceReview: { checks: question.checks, hints: 0, passed, solutionViewed: false } });
}

/** Moves the current question to review (its time stops), proposing a rating. */
function toReview(state: MockInterview, timedOut: boolean): MockInterview {
  const question = state.questions[state.current];
  const proposed = question.kind === 'concept' ? ratingFromChecklist(question.checked.length, question.checklistTotal) : problemProposal(question);
  return withQuestion(state, state.current, { phase: 'review', timedOut, proposed });
}

/**
 * Applies the clocks at `now`: when the current question's time (or the whole interview's) has run out, its answer
 * is closed at the exact moment it did and goes to review. Call it before every other transition and on a timer.
 */
export function tick(state: MockInterview, now: number): Transition {
  const question = currentQuestion(state);
  if (!question || question.phase !== 'answering' || state.runningSince === undefined) return { state, changed: false };
  const left = Math.min(questionRemaining(state, state.runningSince), totalRemaining(state, state.runningSince));
  const endsAt = state.runningSince + Math.max(0, left);
  if (now < endsAt) return { state, changed: false };
  const stopped = stopClock(state, endsAt);
  const timeUp = totalRemaining(stopped, endsAt) <= 0;
  return { state: { ...toReview(stopped, true), timeUp: stopped.timeUp || timeUp }, changed: true };
}

/** The first transitions every action shares: the clocks applied; finished or paused interviews take no answers. */
function prepare(state: MockInterview, now: number): { state: MockInterview; question: MockQuestion | undefined } {
  const ticked = tick(state, now).state;
  return { state: ticked, question: ticked.paused ? undefined : currentQuestion(ticked) };
}

const unchanged = (state: MockInterview): Transition => ({ state, changed: false });

export function pause(state: MockInterview, now: number): Transition {
  const ticked = tick(state, now).state;
  if (ticked.paused || ticked.runningSince === undefined) return { state: ticked, changed: ticked !== state };
  return { state: { ...stopClock(ticked, now), paused: true }, changed: true };
}

export function resume(state: MockInterview, now: number): Transition {
  if (!state.paused || state.finishedAt !== undefined) return unchanged(state);
  const question = currentQuestion(state);
  return { state: { ...state, paused: false, runningSince: question?.phase === 'answering' ? now : undefined }, changed: true };
}

/** Keeps what was typed for the current concept question (allowed while it is on the clock or under review). */
export function setAnswer(state: MockInterview, text: string): Transition {
  const question = currentQuestion(state);
  if (question?.kind !== 'concept' || (question.phase !== 'answering' && question.phase !== 'review')) return unchanged(state);
  const answer = text.slice(0, MAX_ANSWER_CHARS);
  if (answer === question.answer) return unchanged(state);
  return { state: withQuestion(state, state.current, { answer }), changed: true };
}

/** Submits the current answer: a concept shows its model answer and checklist; a problem shows its result. */
export function submit(state: MockInterview, now: number): Transition {
  const prepared = prepare(state, now);
  if (prepared.question?.phase !== 'answering') return { state: prepared.state, changed: prepared.state !== state };
  return { state: toReview(stopClock(prepared.state, now), false), changed: true };
}

/** The checklist points the user's answer covered; the proposed rating follows them. */
export function setChecked(state: MockInterview, checked: readonly number[]): Transition {
  const question = currentQuestion(state);
  if (question?.kind !== 'concept' || question.phase !== 'review') return unchanged(state);
  const valid = [...new Set(checked)].filter((index) => Number.isInteger(index) && index >= 0 && index < question.checklistTotal).sort((a, b) => a - b);
  return { state: withQuestion(state, state.current, { checked: valid, proposed: ratingFromChecklist(valid.length, question.checklistTotal) }), changed: true };
}

/** A Check of a problem's practice file: counts for the current problem while it is on the clock. */
export function problemChecked(state: MockInterview, result: { problemId: string; passed: number; total: number; language: 'ts' | 'py' }, now: number): Transition {
  const prepared = prepare(state, now);
  const question = prepared.question;
  if (question?.kind !== 'problem' || question.problemId !== result.problemId || question.phase !== 'answering') return { state: prepared.state, changed: prepared.state !== state };
  const passed = Math.max(0, Math.floor(result.passed));
  const total = Math.max(passed, Math.floor(result.total));
  const better = !question.best || passed / Math.max(1, total) >= question.best.passed / Math.max(1, question.best.total);
  const updated = withQuestion(prepared.state, prepared.state.current, {
    checks: question.checks + 1,
    ...(better ? { best: { passed, total, language: result.language } } : {}),
  });
  // Every test passing ends the problem's clock: the answer is in.
  if (total > 0 && passed === total) return { state: toReview(stopClock(updated, now), false), changed: true };
  return { state: updated, changed: true };
}

/** The user's rating of the question under review; records it and moves on (or ends the interview). */
export function rate(state: MockInterview, rating: Grade, now: number): Transition {
  const question = currentQuestion(state);
  if (!question || question.phase !== 'review' || state.paused || ![1, 2, 3, 4].includes(rating)) return unchanged(state);
  const rated = withQuestion(state, state.current, { phase: 'done', rating });
  const toRecord: RatingToRecord = question.kind === 'concept' ? { kind: 'concept', cardId: question.cardId, rating } : { kind: 'problem', problemId: question.problemId, rating };
  return { state: advance(rated, now), changed: true, toRecord };
}

/** Passes over the current question (nothing is recorded on its card); the next one starts. */
export function skip(state: MockInterview, now: number): Transition {
  const prepared = prepare(state, now);
  if (prepared.question?.phase !== 'answering') return { state: prepared.state, changed: prepared.state !== state };
  const skipped = withQuestion(stopClock(prepared.state, now), prepared.state.current, { phase: 'skipped' });
  return { state: advance(skipped, now), changed: true };
}

/**
 * Ends the interview now: a question on the clock counts as skipped, one under review keeps its answer (unrated, so
 * nothing is recorded on its card), the rest are not reached.
 */
export function finish(state: MockInterview, now: number): Transition {
  if (state.finishedAt !== undefined) return unchanged(state);
  const stopped = stopClock(tick(state, now).state, now);
  const questions = stopped.questions.map((question, index): MockQuestion => {
    if (question.phase === 'pending') return { ...question, phase: 'notReached' };
    if (question.phase === 'answering') return { ...question, phase: 'skipped' };
    if (question.phase === 'review' && index === stopped.current) return { ...question, phase: 'done' };
    return question;
  });
  return { state: { ...stopped, questions, paused: false, runningSince: undefined, finishedAt: now }, changed: true };
}

function advance(state: MockInterview, now: number): MockInterview {
  const next = state.current + 1;
  if (state.timeUp || next >= state.questions.length || totalRemaining(state, now) <= 0) {
    const questions = state.questions.map((question): MockQuestion => (question.phase === 'pending' ? { ...question, phase: 'notReached' } : question));
    return { ...state, questions, runningSince: undefined, paused: false, finishedAt: now };
  }
  return { ...withQuestion(state, next, { phase: 'answering' }), current: next, runningSince: now };
}

/** The state to store: the running segment folded in up to `now`, so the stored figures are exact at `savedAt`. */
export function snapshotForSave(state: MockInterview, now: number): MockInterview {
  if (state.runningSince === undefined) return { ...state, savedAt: now };
  const question = state.questions[state.current];
  return { ...withQuestion(state, state.current, { spentMs: question.spentMs + Math.max(0, now - state.runningSince) }), runningSince: now, savedAt: now };
}

export type RestoreResult = { ok: true; state: MockInterview; wasRunning: boolean } | { ok: false; reason: string };

/**
 * Reads a stored interview back (after a reload or a crash). An interview that was on the clock comes back paused,
 * its time counted up to the last save: the time the window was closed is not interview time.
 */
export function restoreInterview(raw: unknown): RestoreResult {
  const parsed = mockInterviewSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
  const state = parsed.data;
  if (state.current >= state.questions.length) return { ok: false, reason: 'current: out of range' };
  if (state.runningSince === undefined || state.finishedAt !== undefined) return { ok: true, state: { ...state, runningSince: undefined }, wasRunning: false };
  const folded = stopClock(state, Math.max(state.runningSince, state.savedAt));
  return { ok: true, state: { ...folded, paused: true }, wasRunning: true };
}
