// Benchmark (not a test), run in plain Node by scripts/bench.mjs in a fresh process each round: every built-in topic,
// card and practice problem loaded and indexed, as the extension does the first time a tree, a panel or a quiz needs
// them (ContentService, QuizService, ProblemService and the problems' code cards). Two modes, each in its own process:
// - default: from the content pack (dist/content.pack, written by the build), what the extension does at run time;
// - `--source`: parsed from content/ by the real loaders, what the build pays, and what user decks of that size pay.
// Prints one JSON line: the mode, the first (cold) pass, the median of later passes, and what was loaded.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_PACK_FILE } from '../../src/content/core/contentPack';
import { BUILT_IN_KEY_SCOPE, builtInDecks, loadBuiltInDecks, type Deck, type LoadedTopic } from '../../src/content/core/deckLoader';
import { builtInProblems, loadProblems, type Problem, type ProblemSet } from '../../src/problems/core/problemLoader';
import { problemCodeCard } from '../../src/quiz/core/kinds/code';
import { builtInDeckItems, deckItems, mergeDeckItems, readCardFiles, type QuizItem, type QuizItemsResult } from '../../src/quiz/core/quizItems';

const WARM_PASSES = 11;
/** The repository (or the extension's folder): out/bench/content.js is two levels down. */
const ROOT = path.resolve(__dirname, '..', '..');
const FROM_SOURCE = process.argv.includes('--source');

/** The decks, their cards and the problems, as the extension gets them (the pack) or as the loaders parse them. */
const load = FROM_SOURCE
  ? {
      decks: () => loadBuiltInDecks(path.join(ROOT, 'content', 'decks')),
      cards: (decks: Deck[]) => Promise.all(decks.map(async (deck) => deckItems(deck, await readCardFiles(deck.cardsFolder, deck.trusted, path.join(ROOT, 'content', 'decks'))))),
      problems: () => loadProblems(path.join(ROOT, 'content', 'problems'), { trusted: true }),
    }
  : {
      decks: () => builtInDecks(ROOT),
      cards: (decks: Deck[]): Promise<QuizItemsResult[]> => builtInDeckItems(ROOT, decks),
      problems: (): Promise<ProblemSet> => builtInProblems(ROOT),
    };

interface Index {
  topics: Map<string, LoadedTopic>;
  cards: Map<string, QuizItem>;
  problems: Map<string, Problem>;
  diagnostics: number;
}

/** One pass: what the tree, the quiz and the Problems view load between them, into maps by key. */
async function loadEverything(): Promise<Index> {
  const [decks, problemSet] = await Promise.all([load.decks(), load.problems()]);
  const merged = mergeDeckItems(await load.cards(decks));
  const topics = new Map(decks.flatMap((deck) => deck.topics.map((topic) => [topic.key, topic] as const)));
  const cards = new Map(merged.items.map((item) => [item.id, item]));
  // Every practice problem is also a code card, in the first of its topics that a deck holds (as registerProblems does).
  const topicById = new Map<string, { deck: (typeof decks)[number]; topic: LoadedTopic }>();
  for (const deck of decks) for (const topic of deck.topics) if (!topicById.has(topic.id)) topicById.set(topic.id, { deck, topic });
  const problems = new Map<string, Problem>();
  for (const problem of problemSet.problems) {
    problems.set(`${BUILT_IN_KEY_SCOPE}/${problem.id}`, problem);
    const found = problem.topics.map((id) => topicById.get(id)).find((entry) => entry !== undefined);
    if (!found) continue;
    const text = (part: 'statement' | 'explanation') => ({ en: problem.body.en?.[part], 'zh-cn': problem.body['zh-cn']?.[part] });
    const card = problemCodeCard({ id: problem.id, topic: found.topic.id, title: problem.title, statement: text('statement'), explanation: text('explanation'), solutions: problem.solutions });
    if (!cards.has(card.id)) cards.set(card.id, { id: card.id, deckId: found.deck.id, topicKey: found.topic.key, topicTitle: found.topic.title, trust: 'trusted', card });
  }
  const diagnostics = decks.reduce((sum, deck) => sum + deck.problems.length, 0) + merged.problems.length + problemSet.diagnostics.length;
  return { topics, cards, problems, diagnostics };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  // Measuring the fallback (the sources) under the pack's name would flatter nothing and mislead everyone.
  if (!FROM_SOURCE && !existsSync(path.join(ROOT, CONTENT_PACK_FILE))) throw new Error(`no ${CONTENT_PACK_FILE}: build first (npm run build)`);
  const time = async () => {
    const started = performance.now();
    const index = await loadEverything();
    return { ms: performance.now() - started, index };
  };
  const cold = await time();
  if (cold.index.topics.size === 0 || cold.index.cards.size === 0 || cold.index.problems.size === 0) throw new Error('the built-in content came out empty');
  const warm: number[] = [];
  for (let i = 0; i < WARM_PASSES; i++) warm.push((await time()).ms);
  const { topics, cards, problems, diagnostics } = cold.index;
  console.log(JSON.stringify({ mode: FROM_SOURCE ? 'source' : 'pack', topics: topics.size, cards: cards.size, problems: problems.size, diagnostics, coldMs: cold.ms, warmMedianMs: median(warm) }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
