// Benchmark (not a test), run in plain Node by scripts/bench.mjs in a fresh process each round: the quiz queue of a
// large user deck built by the real buildQueue from what the extension hands it. The cards: 100,000 in 1,000 topics,
// grouped by topic as the quiz items list them, with ids and topic keys made and interned as the items make theirs,
// and the card list mapped from the items for each call, as the quiz service maps it. The progress: 70,000 studied
// cards and a 300,000-review log, written to a review log file and read back through the real QuizStore, as a window
// reads it. Prints one JSON line: the first (cold) call, as Quiz Me pays it once per
// window, and the median of the calls after it (over the same progress), of calls with the card list rebuilt (as the
// extension makes it) and of calls after a review (a new states record, made by the progress store's recordReview).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Card } from 'ts-fsrs';
import { recordReview, type QuizProgress } from '../../src/quiz/core/progressStore';
import { buildQueue, type QueueCard } from '../../src/quiz/core/queue';
import { QuizStore, type ProgressMemento } from '../../src/quiz/core/quizStore';
import { ReviewHistoryFile } from '../../src/quiz/core/reviewHistory';
import { compareReviews, QuizScheduler, Rating, type QuizReview } from '../../src/quiz/core/scheduler';
import { internString } from '../../src/util/core/strings';

/** 100 cards a topic, as a large user deck might hold (the built-in decks have about 8). */
const TOPICS = 1_000;
const CARDS_PER_TOPIC = 100;
/** The user deck's key scope (a user deck's topic keys are `<keyScope>/<topic id>`). */
const KEY_SCOPE = 'my-interview-deck';
/** 70,000 studied cards: two in seven have 5 reviews, the rest 4, so the log holds exactly 300,000. */
const reviewsOf = (studied: number) => (studied % 7 < 2 ? 5 : 4);
const WARM_CALLS = 9;
const DAY_MS = 24 * 60 * 60 * 1000;

/** globalState for the store: nothing synced yet, so the progress is the log file's. */
class MemoryMemento implements ProgressMemento {
  private readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

/** A card of the deck as quizItems makes its item: `user:<card id>` (the card file's `<topic>/<name>`), `<keyScope>/<topic>`. */
function itemOf(topic: number, card: number): { id: string; topicKey: string } {
  const topicId = `topic-${topic}`;
  return { id: `user:${topicId}/card-${card}`, topicKey: `${KEY_SCOPE}/${topicId}` };
}

/** The deck's items in deck order (topic by topic), made in one loop and interned as the extension's are once loaded. */
function deckItems(): { id: string; topicKey: string }[] {
  const items: { id: string; topicKey: string }[] = [];
  for (let topic = 0; topic < TOPICS; topic++) {
    for (let card = 0; card < CARDS_PER_TOPIC; card++) {
      const item = itemOf(topic, card);
      items.push({ id: internString(item.id), topicKey: internString(item.topicKey) });
    }
  }
  return items;
}

/** The card list as the extension hands it to buildQueue, made anew from the items for each call. */
function queueCards(items: readonly { id: string; topicKey: string }[]): QueueCard[] {
  return items.map((item) => ({ id: item.id, topic: item.topicKey }));
}

/**
 * Writes a deterministic progress of the deck to a review log file: 30 % new, 50 % in review (due from 30 days ago
 * to 60 days ahead), 20 % (re)learning. The generated progress (and its garbage) goes with this call.
 */
async function writeProgress(file: string, scheduler: QuizScheduler, now: Date): Promise<void> {
  const states: Record<string, Card> = {};
  const log: QuizReview[] = [];
  let studied = 0;
  for (let topic = 0; topic < TOPICS; topic++) {
    for (let card = 0; card < CARDS_PER_TOPIC; card++) {
      const i = topic * CARDS_PER_TOPIC + card;
      const kind = i % 10;
      if (kind < 3) continue;
      const { id } = itemOf(topic, card);
      // A short history ending in the card's current state; every review stays in the log, as in the real store.
      let state: Card | undefined;
      const reviews = reviewsOf(studied++);
      // First reviews half a minute apart, so the log's order (by time, then id) rarely needs the ids.
      let at = new Date(now.getTime() - 120 * DAY_MS + i * 30_000);
      for (let r = 0; r < reviews; r++) {
        const rating = kind >= 8 && r === reviews - 1 ? Rating.Again : Rating.Good;
        const next = scheduler.rate(id, state, rating, at);
        state = next.state;
        log.push(next.review);
        at = new Date(at.getTime() + 3 * DAY_MS);
      }
      if (state === undefined) continue;
      const dueOffsetDays = kind >= 8 ? -(i % 3) / 24 : (i % 90) - 30;
      states[id] = { ...state, due: new Date(now.getTime() + dueOffsetDays * DAY_MS) };
    }
  }
  // The store keeps the log in time order.
  await new ReviewHistoryFile(file).append({ reviews: log.sort(compareReviews), states: Object.entries(states) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'mlip-bench-queue-'));
  try {
    const scheduler = new QuizScheduler();
    const now = new Date();
    const file = path.join(folder, 'quiz-history.jsonl');
    await writeProgress(file, scheduler, now);
    const items = deckItems();
    const progress = await new QuizStore(new MemoryMemento(), new ReviewHistoryFile(file), () => scheduler).current();
    const time = (list: readonly QueueCard[], read: QuizProgress) => {
      const started = performance.now();
      const queue = buildQueue(list, read.cards, read.log, now);
      const ms = performance.now() - started;
      if (queue.entries.length === 0) throw new Error('the queue came out empty');
      return ms;
    };
    const cards = queueCards(items);
    const coldMs = time(cards, progress);
    const warm = Array.from({ length: WARM_CALLS }, () => time(cards, progress));
    // As the extension calls it: the card list rebuilt from the same items for each call, over the same progress.
    const rebuilt = Array.from({ length: WARM_CALLS }, () => time(queueCards(items), progress));
    // After a review: the progress the store makes of it (a new states record), so the cards are joined with it again.
    let reviewed = progress;
    const afterReview = Array.from({ length: WARM_CALLS }, (_, n) => {
      const id = cards[3 + 10 * n].id;
      const answer = scheduler.rate(id, reviewed.cards[id], Rating.Good, now);
      reviewed = recordReview(reviewed, answer.state, answer.review);
      return time(cards, reviewed);
    });
    console.log(
      JSON.stringify({
        cards: cards.length,
        studied: Object.keys(progress.cards).length,
        logEntries: progress.log.length,
        coldMs,
        warmMedianMs: median(warm),
        rebuiltListMedianMs: median(rebuilt),
        afterReviewMedianMs: median(afterReview),
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
