import * as assert from 'node:assert/strict';
import {
  LENGTH_PLANS,
  buildMockPlan,
  conceptCandidates,
  conceptWeight,
  problemCandidates,
  seededRandom,
  weightedSample,
  type ConceptCandidate,
  type PlanInput,
  type ProblemCandidate,
} from '../../../../src/mock/core/mockPlan';
import { QuizScheduler } from '../../../../src/quiz/core/scheduler';

function concept(topic: number, deck = 'a', extra: Partial<ConceptCandidate> = {}): ConceptCandidate {
  return { cardId: `t${topic}/recall`, topicKey: `builtin/t${topic}`, deckId: deck, due: false, isNew: true, mastery: 0, ...extra };
}

function problem(id: string, deck = 'a', extra: Partial<ProblemCandidate> = {}): ProblemCandidate {
  return { problemId: id, topicKeys: ['builtin/t1'], deckIds: [deck], solved: false, attempted: false, due: false, mastery: 0, ...extra };
}

const concepts = Array.from({ length: 12 }, (_, index) => concept(index, index < 6 ? 'a' : 'b'));
const problems = [problem('p1'), problem('p2'), problem('p3', 'b')];
const input = (extra: Partial<PlanInput> = {}): PlanInput => ({ length: 30, tracks: [], concepts, problems, seed: 'seed-1', ...extra });
const sumMs = (plan: { allottedMs: number }[]) => plan.reduce((sum, question) => sum + question.allottedMs, 0);

describe('mock interview plan', () => {
  it('splits every length into concepts then problems whose times add up to the length', () => {
    for (const length of [15, 30, 45] as const) {
      const plan = buildMockPlan(input({ length }));
      const shape = LENGTH_PLANS[length];
      assert.deepEqual(plan.map((question) => question.kind), [...Array<string>(shape.concepts).fill('concept'), ...Array<string>(shape.problems).fill('problem')], `${length} min`);
      assert.equal(sumMs(plan), length * 60_000, `${length} min`);
    }
  });

  it('gives the same plan for the same seed, and another for another seed', () => {
    assert.deepEqual(buildMockPlan(input()), buildMockPlan(input()));
    const seeds = new Set(['s1', 's2', 's3', 's4', 's5'].map((seed) => JSON.stringify(buildMockPlan(input({ seed })))));
    assert.ok(seeds.size > 1);
  });

  it('draws only from the chosen tracks, one question per topic', () => {
    const plan = buildMockPlan(input({ tracks: ['b'], length: 45 }));
    const asked = plan.flatMap((question) => (question.kind === 'concept' ? [question.topicKey] : []));
    assert.ok(asked.every((key) => Number(key.slice('builtin/t'.length)) >= 6), asked.join());
    assert.equal(new Set(asked).size, asked.length);
    assert.deepEqual(plan.filter((question) => question.kind === 'problem').map((question) => question.kind === 'problem' && question.problemId), ['p3']);
  });

  it('gives a missing problem’s time to more concept questions', () => {
    const plan = buildMockPlan(input({ problems: [], length: 30 }));
    // 4 concepts of 4.5 min plus floor(12 / 4.5) = 2 more.
    assert.equal(plan.length, 6);
    assert.ok(plan.every((question) => question.kind === 'concept'));
  });

  it('returns a shorter plan when the tracks hold fewer topics, and none when they hold nothing', () => {
    assert.equal(buildMockPlan(input({ concepts: concepts.slice(0, 1), problems: [] })).length, 1);
    assert.deepEqual(buildMockPlan(input({ tracks: ['nothing'] })), []);
  });

  it('asks weak and due topics far more often than mastered ones', () => {
    const mixed = [
      ...Array.from({ length: 5 }, (_, index) => concept(index, 'a', { mastery: 1, isNew: false })),
      ...Array.from({ length: 5 }, (_, index) => concept(index + 5, 'a', { mastery: 0, due: true, isNew: false })),
    ];
    let weak = 0;
    let strong = 0;
    for (let run = 0; run < 200; run += 1) {
      for (const question of buildMockPlan({ length: 15, tracks: [], concepts: mixed, problems: [], seed: `run-${run}` })) {
        if (question.kind !== 'concept') continue;
        if (Number(question.topicKey.slice('builtin/t'.length)) >= 5) weak += 1;
        else strong += 1;
      }
    }
    assert.ok(weak > strong * 3, `weak ${weak}, strong ${strong}`);
    assert.equal(conceptWeight(mixed[0]), 1);
    assert.equal(conceptWeight(mixed[9]), 7);
  });

  it('samples without repeats and is reproducible', () => {
    const items = ['a', 'b', 'c', 'd'];
    const first = weightedSample(items, 3, () => 1, seededRandom('x'));
    assert.equal(new Set(first).size, 3);
    assert.deepEqual(weightedSample(items, 3, () => 1, seededRandom('x')), first);
    assert.deepEqual(weightedSample(items, 9, () => 1, seededRandom('x')).sort(), items);
  });

  it('builds candidates from recall cards and problems from topic ids', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const scheduler = new QuizScheduler();
    const studied = scheduler.rate('t1/recall', undefined, 3, new Date('2026-02-01T10:00:00Z')).state;
    const items = [
      { id: 't1/recall', topicKey: 'builtin/t1', deckId: 'a', card: { kind: 'recall' } },
      { id: 't2/recall', topicKey: 'builtin/t2', deckId: 'a', card: { kind: 'recall' } },
      { id: 't1/mc', topicKey: 'builtin/t1', deckId: 'a', card: { kind: 'mc' } },
    ] as unknown as Parameters<typeof conceptCandidates>[0];
    assert.deepEqual(conceptCandidates(items, { 't1/recall': studied }, { 'builtin/t1': 0.5 }, now), [
      { cardId: 't1/recall', topicKey: 'builtin/t1', deckId: 'a', due: true, isNew: false, mastery: 0.5 },
      { cardId: 't2/recall', topicKey: 'builtin/t2', deckId: 'a', due: false, isNew: true, mastery: 0 },
    ]);
    const topics = [
      { id: 't1', key: 'builtin/t1', deckId: 'a', title: { en: 'T1' } },
      { id: 't2', key: 'builtin/t2', deckId: 'b', title: { en: 'T2' } },
    ];
    assert.deepEqual(problemCandidates([{ id: 'p', topics: ['t1', 't2', 'gone'], solved: false, attempted: true, due: false }], topics, { 'builtin/t1': 0.8, 'builtin/t2': 0.2 }), [
      { problemId: 'p', topicKeys: ['builtin/t1', 'builtin/t2'], deckIds: ['a', 'b'], solved: false, attempted: true, due: false, mastery: 0.2 },
    ]);
  });
});
