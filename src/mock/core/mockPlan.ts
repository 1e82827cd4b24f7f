// Which questions a mock interview asks: concept questions (a topic's recall card) and one or two practice problems,
// drawn from the chosen tracks, weighted towards weak and due material, the same for the same seed. vscode-free.
import type { Card } from 'ts-fsrs';
import type { LocalizedText } from '../../content/core/language';
import type { QuizItem } from '../../quiz/core/quizItems';

/** A practice problem's difficulty, as its front matter gives it. */
export type MockDifficulty = 'easy' | 'medium' | 'hard';

export const MOCK_LENGTHS = [15, 30, 45] as const;
export type MockLength = (typeof MOCK_LENGTHS)[number];

const MINUTE_MS = 60_000;

/** How a length splits into questions; the times add up to the length. */
export interface LengthPlan {
  concepts: number;
  problems: number;
  conceptMs: number;
  problemMs: number;
}

export const LENGTH_PLANS: Record<MockLength, LengthPlan> = {
  15: { concepts: 2, problems: 1, conceptMs: 4 * MINUTE_MS, problemMs: 7 * MINUTE_MS },
  30: { concepts: 4, problems: 1, conceptMs: 4.5 * MINUTE_MS, problemMs: 12 * MINUTE_MS },
  45: { concepts: 5, problems: 2, conceptMs: 5 * MINUTE_MS, problemMs: 10 * MINUTE_MS },
};

/** A recall card that can be asked, with what the learner's progress says about it. */
export interface ConceptCandidate {
  cardId: string;
  topicKey: string;
  deckId: string;
  /** Studied and due now. */
  due: boolean;
  /** Never studied. */
  isNew: boolean;
  /** The topic's mastery, 0 to 1. */
  mastery: number;
}

export interface ProblemCandidate {
  problemId: string;
  /** Keys of the topics it trains that exist. */
  topicKeys: string[];
  /** The decks (tracks) of those topics. */
  deckIds: string[];
  solved: boolean;
  attempted: boolean;
  due: boolean;
  /** The weakest mastery among its topics, 0 to 1 (0 when it names none). */
  mastery: number;
}

export interface PlannedConcept {
  kind: 'concept';
  cardId: string;
  topicKey: string;
  allottedMs: number;
}

export interface PlannedProblem {
  kind: 'problem';
  problemId: string;
  topicKeys: string[];
  allottedMs: number;
}

export type PlannedQuestion = PlannedConcept | PlannedProblem;

export interface PlanInput {
  length: MockLength;
  /** Deck ids to draw from; empty means every track. */
  tracks: readonly string[];
  concepts: readonly ConceptCandidate[];
  problems: readonly ProblemCandidate[];
  seed: string;
}

/** Weak and due material weighs more: a due card ×4, an unmastered topic up to ×4, an unsolved attempt ×4. */
export function conceptWeight(candidate: ConceptCandidate): number {
  return 1 + 3 * (1 - clamp01(candidate.mastery)) + (candidate.due ? 3 : 0);
}

export function problemWeight(candidate: ProblemCandidate): number {
  return 1 + 2 * (1 - clamp01(candidate.mastery)) + (candidate.due ? 3 : 0) + (candidate.attempted && !candidate.solved ? 3 : 0) + (candidate.attempted ? 0 : 1);
}

/**
 * The interview's questions: concepts first then problems, as an interviewer runs it. One concept per topic. Without
 * enough problems in the tracks, the problems' time goes to more concept questions; without enough concepts, the
 * plan is shorter. The same input and seed give the same plan.
 */
export function buildMockPlan(input: PlanInput): PlannedQuestion[] {
  const plan = LENGTH_PLANS[input.length];
  const random = seededRandom(input.seed);
  const inTracks = (deckId: string) => input.tracks.length === 0 || input.tracks.includes(deckId);
  const problems = weightedSample(
    input.problems.filter((problem) => problem.deckIds.some(inTracks)),
    plan.problems,
    problemWeight,
    random,
  );
  const spareMs = (plan.problems - problems.length) * plan.problemMs;
  const conceptCount = plan.concepts + Math.floor(spareMs / plan.conceptMs);
  // One card per topic: the topic's weight is its heaviest card's, and that card is asked.
  const byTopic = new Map<string, ConceptCandidate>();
  for (const candidate of input.concepts.filter((concept) => inTracks(concept.deckId))) {
    const kept = byTopic.get(candidate.topicKey);
    if (!kept || conceptWeight(candidate) > conceptWeight(kept)) byTopic.set(candidate.topicKey, candidate);
  }
  const concepts = weightedSample([...byTopic.values()], conceptCount, conceptWeight, random);
  return [
    ...concepts.map((concept): PlannedConcept => ({ kind: 'concept', cardId: concept.cardId, topicKey: concept.topicKey, allottedMs: plan.conceptMs })),
    ...problems.map((problem): PlannedProblem => ({ kind: 'problem', problemId: problem.problemId, topicKeys: problem.topicKeys, allottedMs: plan.problemMs })),
  ];
}

/** Draws `count` distinct items, each draw with probability proportional to its weight (Efraimidis–Spirakis keys). */
export function weightedSample<T>(items: readonly T[], count: number, weight: (item: T) => number, random: () => number): T[] {
  return items
    .map((item) => ({ item, key: Math.pow(random(), 1 / Math.max(1e-9, weight(item))) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, Math.max(0, count))
    .map((entry) => entry.item);
}

/** mulberry32 over a string hash: small, fast and the same everywhere. */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < seed.length; index += 1) state = Math.imul(state ^ seed.charCodeAt(index), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Recall cards as concept candidates, with their due state now and their topic's mastery. */
export function conceptCandidates(
  items: readonly Pick<QuizItem, 'id' | 'topicKey' | 'deckId' | 'card'>[],
  cards: Readonly<Record<string, Card>>,
  mastery: Readonly<Record<string, number>>,
  now: Date,
): ConceptCandidate[] {
  return items.flatMap((item) => {
    if (item.card.kind !== 'recall') return [];
    const state = cards[item.id];
    return [{ cardId: item.id, topicKey: item.topicKey, deckId: item.deckId, due: state !== undefined && state.due.getTime() <= now.getTime(), isNew: state === undefined, mastery: mastery[item.topicKey] ?? 0 }];
  });
}

/** What the plan needs to know of the topics: each topic id's key and deck (built-in ids are unique). */
export interface TopicIndexEntry {
  id: string;
  key: string;
  deckId: string;
  title: LocalizedText;
}

export function problemCandidates(
  problems: readonly { id: string; topics: readonly string[]; solved: boolean; attempted: boolean; due: boolean }[],
  topics: readonly TopicIndexEntry[],
  mastery: Readonly<Record<string, number>>,
): ProblemCandidate[] {
  const byId = new Map<string, TopicIndexEntry>();
  for (const topic of topics) if (!byId.has(topic.id)) byId.set(topic.id, topic);
  return problems.map((problem) => {
    const known = problem.topics.flatMap((id) => byId.get(id) ?? []);
    return {
      problemId: problem.id,
      topicKeys: known.map((topic) => topic.key),
      deckIds: [...new Set(known.map((topic) => topic.deckId))],
      solved: problem.solved,
      attempted: problem.attempted,
      due: problem.due,
      mastery: known.length === 0 ? 0 : Math.min(...known.map((topic) => mastery[topic.key] ?? 0)),
    };
  });
}
