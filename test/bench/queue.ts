// Benchmark (not a test), run in plain Node by scripts/bench.mjs in a fresh process each round: the quiz queue built
// from 100,000 cards and a 300,000-review log by the real buildQueue. Prints one JSON line: the first (cold) call, as Quiz Me pays it once
// per window, and the median of the calls after it (over the same progress), of calls with the card list rebuilt
// (as the extension makes it) and of calls after a review (a new states record).
import { performance } from 'node:perf_hooks';
import type { Card } from 'ts-fsrs';
import { buildQueue, type QueueCard } from '../../src/quiz/core/queue';
import { QuizScheduler, Rating, type QuizReview } from '../../src/quiz/core/scheduler';

const CARDS = 100_000;
/** 100 cards a topic, as a large user deck might hold (the built-in decks have about 8). */
const TOPICS = 1_000;
/** 70,000 studied cards: two in seven have 5 reviews, the rest 4, so the log holds exactly 300,000. */
const reviewsOf = (studied: number) => (studied % 7 < 2 ? 5 : 4);
const WARM_CALLS = 9;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A deterministic deck: 30 % new, 50 % in review (due from 30 days ago to 60 days ahead), 20 % (re)learning. */
function syntheticDeck(now: Date): { cards: QueueCard[]; states: Record<string, Card>; log: QuizReview[] } {
  const scheduler = new QuizScheduler();
  const cards: QueueCard[] = [];
  const states: Record<string, Card> = {};
  const log: QuizReview[] = [];
  let studied = 0;
  for (let i = 0; i < CARDS; i++) {
    const card = { id: `topic-${i % TOPICS}/card-${i}`, topic: `topic-${i % TOPICS}` };
    cards.push(card);
    const kind = i % 10;
    if (kind < 3) continue;
    // A short history ending in the card's current state; every review stays in the log, as in the real store.
    let state: Card | undefined;
    const reviews = reviewsOf(studied++);
    let at = new Date(now.getTime() - 120 * DAY_MS + (i % 97) * 60_000);
    for (let r = 0; r < reviews; r++) {
      const rating = kind >= 8 && r === reviews - 1 ? Rating.Again : Rating.Good;
      const next = scheduler.rate(card.id, state, rating, at);
      state = next.state;
      log.push(next.review);
      at = new Date(at.getTime() + 3 * DAY_MS);
    }
    if (state === undefined) continue;
    const dueOffsetDays = kind >= 8 ? -(i % 3) / 24 : (i % 90) - 30;
    states[card.id] = { ...state, due: new Date(now.getTime() + dueOffsetDays * DAY_MS) };
  }
  return { cards, states, log };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
  const now = new Date();
  const { cards, states, log } = syntheticDeck(now);
  const time = () => {
    const started = performance.now();
    const queue = buildQueue(cards, states, log, now);
    const ms = performance.now() - started;
    if (queue.entries.length === 0) throw new Error('the queue came out empty');
    return ms;
  };
  const coldMs = time();
  const warm = Array.from({ length: WARM_CALLS }, time);
  // As the extension calls it: the card list rebuilt from the same items for each call, over the same progress.
  const rebuilt = Array.from({ length: WARM_CALLS }, () => {
    const list = cards.map((card) => ({ id: card.id, topic: card.topic }));
    const started = performance.now();
    buildQueue(list, states, log, now);
    return performance.now() - started;
  });
  // After a review: a new states record (as the progress store makes one), so the cards are joined with it again.
  const afterReview = Array.from({ length: WARM_CALLS }, (_, n) => {
    const id = cards[3 + 10 * n].id;
    const next = { ...states, [id]: { ...states[id], due: new Date(now.getTime() + DAY_MS) } };
    const started = performance.now();
    buildQueue(cards, next, log, now);
    return performance.now() - started;
  });
  console.log(
    JSON.stringify({
      cards: cards.length,
      studied: Object.keys(states).length,
      logEntries: log.length,
      coldMs,
      warmMedianMs: median(warm),
      rebuiltListMedianMs: median(rebuilt),
      afterReviewMedianMs: median(afterReview),
    }),
  );
}

main();
