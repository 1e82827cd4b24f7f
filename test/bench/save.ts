// Benchmark (not a test), run in plain Node by scripts/bench.mjs in a fresh process: saving one quiz answer with years
// of history (300,000 reviews over 70,000 studied cards, as in queue.ts) through the real QuizStore, its file and a
// Memento that serializes the extension's whole state on every update, as VS Code's globalState does (the extension
// host sends every key of the extension to the storage service). Beside it, what the previous storage paid
// per answer: the whole progress (log included) serialized into globalState. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Card } from 'ts-fsrs';
import { serializeProgress } from '../../src/quiz/core/progressStore';
import { QuizStore, SYNCED_KEYS, type ProgressMemento } from '../../src/quiz/core/quizStore';
import { ReviewHistoryFile } from '../../src/quiz/core/reviewHistory';
import { QuizScheduler, Rating, type QuizReview } from '../../src/quiz/core/scheduler';

const STUDIED = 70_000;
const REVIEWS = 300_000;
const ANSWERS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

/** globalState as VS Code keeps it: one object for the extension, serialized whole on every update. */
class SerializingMemento implements ProgressMemento {
  private state: Record<string, unknown> = {};
  serializedBytes = 0;
  get(key: string): unknown {
    return this.state[key];
  }
  update(key: string, value: unknown): Promise<void> {
    const next = { ...this.state };
    if (value === undefined) delete next[key];
    else next[key] = value;
    // The extension host keeps the objects it was given and sends their JSON to the storage service.
    this.serializedBytes = JSON.stringify(next).length;
    this.state = next;
    return Promise.resolve();
  }
  /** Bytes of JSON of the keys that sync. */
  syncedBytes(): number {
    return SYNCED_KEYS.reduce((sum, key) => sum + (this.state[key] === undefined ? 0 : Buffer.byteLength(JSON.stringify(this.state[key]), 'utf8')), 0);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Years of history: 70,000 cards, 300,000 reviews (4 or 5 a card), over three years, in time order. */
function history(scheduler: QuizScheduler, now: Date): { cards: Record<string, Card>; log: QuizReview[] } {
  const cards: Record<string, Card> = {};
  const { state, review } = scheduler.rate('x', undefined, Rating.Good, now);
  const log: QuizReview[] = [];
  const start = now.getTime() - 3 * 365 * DAY_MS;
  for (let index = 0; index < REVIEWS; index += 1) {
    const cardId = `topic-${index % 1000}/card-${index % STUDIED}`;
    const at = new Date(start + Math.floor((index / REVIEWS) * 3 * 365 * DAY_MS));
    log.push({ ...review, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, cardId, review: at });
    cards[cardId] = { ...state, last_review: at };
  }
  return { cards, log };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'mlip-bench-save-'));
  try {
    const scheduler = new QuizScheduler();
    const now = new Date();
    const { cards, log } = history(scheduler, now);
    const memento = new SerializingMemento();
    const file = path.join(folder, 'quiz-history.jsonl');
    await new ReviewHistoryFile(file).append({ reviews: log, states: Object.entries(cards) });

    const store = new QuizStore(memento, new ReviewHistoryFile(file), () => scheduler);
    let started = performance.now();
    let progress = await store.current();
    const firstReadMs = performance.now() - started;
    const saves: number[] = [];
    for (let index = 0; index < ANSWERS; index += 1) {
      const cardId = `topic-${index}/card-${index}`;
      const answer = scheduler.rate(cardId, progress.cards[cardId], Rating.Good, new Date(now.getTime() + index * 1000));
      started = performance.now();
      await store.record(answer);
      saves.push(performance.now() - started);
      progress = await store.current();
    }
    if (progress.log.length !== REVIEWS + ANSWERS) throw new Error(`expected ${REVIEWS + ANSWERS} reviews, got ${progress.log.length}`);

    // The previous storage: the whole progress in one synced globalState key, serialized on every answer.
    const previous = new SerializingMemento();
    // Once: at this size it takes seconds.
    started = performance.now();
    await previous.update('mlInterview.quiz.progress', serializeProgress(progress));
    const previousSaveMs = performance.now() - started;
    console.log(
      JSON.stringify({
        reviews: progress.log.length,
        studied: Object.keys(progress.cards).length,
        firstReadMs,
        saveMedianMs: median(saves),
        previousSaveMedianMs: previousSaveMs,
        syncedBytes: memento.syncedBytes(),
        previousSyncedBytes: previous.serializedBytes,
        globalStateBytes: memento.serializedBytes,
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
