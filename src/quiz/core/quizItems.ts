// The cards a quiz draws from: the built-in cards (content/decks/<deck>/cards/*.yaml), and for every user deck its topics with a
// question and checklist (as recall cards) plus its `<name>.cards.yaml` files. vscode-free: reads files with node:fs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readContentPackSection } from '../../content/core/contentPack';
import { BUILT_IN_DECKS_FOLDER } from '../../content/core/deckLoader';
import type { LocalizedText } from '../../content/core/language';
import type { Trust } from '../../content/core/markdownEngine';
import { parseCardFiles, type CardFile, type QuizCard } from './cardSchema';
import { recallCardFromTopic } from './kinds/recall';

/** One card as the quiz uses it: where it belongs and how far its Markdown is trusted. */
export interface QuizItem {
  /** The key its progress is stored under: the card id for built-in cards, `user:<card id>` for user-deck cards. */
  id: string;
  /** The deck (track) it comes from. */
  deckId: string;
  /** The topic it belongs to, as the tree names it: `<keyScope>/<topicId>`. */
  topicKey: string;
  topicTitle: LocalizedText;
  trust: Trust;
  card: QuizCard;
}

/** What the quiz needs of a deck (a subset of content/deckLoader's Deck). */
export interface QuizDeck {
  id: string;
  /** The prefix of its topic keys (see content/deckLoader's Deck). */
  keyScope: string;
  trusted: boolean;
  folder: string;
  topics: readonly {
    id: string;
    title: LocalizedText;
    question?: LocalizedText;
    checklist?: Partial<Record<'en' | 'zh-cn', string[]>>;
    body: LocalizedText;
  }[];
}

export interface QuizItemsResult {
  items: QuizItem[];
  /** Card-file problems, each naming its file: built-in problems are bugs, user-deck ones are shown to the user. */
  problems: { file: string; line: number; message: string }[];
}

export const USER_CARD_FILE_SUFFIX = '.cards.yaml';

/**
 * Reads the card files of a folder: `*.yaml` for a built-in deck (named after their topic), `*.cards.yaml` for a user
 * deck. Built-in file names in messages are relative to the extension (`content/decks/…`), found from `builtInRoot`.
 */
export async function readCardFiles(folder: string, builtIn: boolean, builtInRoot?: string): Promise<(CardFile & { path: string })[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const suffix = builtIn ? '.yaml' : USER_CARD_FILE_SUFFIX;
  const files = names.filter((name) => name.endsWith(suffix)).sort();
  return Promise.all(
    files.map(async (name) => {
      const filePath = path.join(folder, name);
      const text = await fs.readFile(filePath, 'utf8');
      const shownName = builtIn && builtInRoot ? ['content', 'decks', ...path.relative(builtInRoot, filePath).split(path.sep)].join('/') : name;
      return { path: filePath, fileName: shownName, text, topicId: builtIn ? name.slice(0, -suffix.length) : undefined };
    }),
  );
}

/** Cards of one deck in study order: topic by topic as the deck lists them, then cards of unknown topics. */
export function deckItems(deck: QuizDeck, files: readonly (CardFile & { path: string })[]): QuizItemsResult {
  const parsed = parseCardFiles(files, { requireBothLanguages: deck.trusted });
  const problems = parsed.problems.map((problem) => ({
    file: files.find((file) => file.fileName === problem.fileName)?.path ?? deck.folder,
    line: problem.line,
    message: problem.message,
  }));
  const cards: QuizCard[] = [...parsed.cards];
  if (!deck.trusted) {
    for (const topic of deck.topics) {
      if (topic.question && topic.checklist) {
        cards.push(recallCardFromTopic({ id: topic.id, question: topic.question, answer: topic.body, checklist: topic.checklist }));
      }
    }
  }
  const rank = new Map(deck.topics.map((topic, index) => [topic.id, index]));
  const ordered = cards
    .map((card, position) => ({ card, position }))
    .sort((a, b) => (rank.get(a.card.topic) ?? Infinity) - (rank.get(b.card.topic) ?? Infinity) || a.position - b.position);
  const items = ordered.map(({ card }): QuizItem => {
    const topic = deck.topics.find((candidate) => candidate.id === card.topic);
    return {
      id: deck.trusted ? card.id : `user:${card.id}`,
      deckId: deck.id,
      topicKey: `${deck.keyScope}/${card.topic}`,
      topicTitle: topic?.title ?? { en: card.topic },
      trust: deck.trusted ? 'trusted' : 'untrusted',
      card,
    };
  });
  return { items, problems };
}

/** Every deck's items; a card id repeated across user decks keeps its first item. */
export function mergeDeckItems(results: readonly QuizItemsResult[]): QuizItemsResult {
  const seen = new Set<string>();
  const items: QuizItem[] = [];
  for (const item of results.flatMap((result) => result.items)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return { items, problems: results.flatMap((result) => result.problems) };
}

/** A built-in deck as its cards need it: the deck, and where its card files are. */
export type BuiltInQuizDeck = QuizDeck & { cardsFolder: string };

/** Every built-in deck's items, by deck id, parsed from its card files (what the build puts in the content pack). */
export async function parseBuiltInDeckItems(root: string, decks: readonly BuiltInQuizDeck[]): Promise<Record<string, QuizItemsResult>> {
  const decksFolder = path.join(root, BUILT_IN_DECKS_FOLDER);
  const results = await Promise.all(decks.map(async (deck) => deckItems(deck, await readCardFiles(deck.cardsFolder, true, decksFolder))));
  return Object.fromEntries(decks.map((deck, index) => [deck.id, results[index]]));
}

/**
 * The items of the given built-in decks of the extension in `root`, in their order: from the content pack, else
 * (no readable pack, as in a development checkout before its first build, or a deck it does not hold) parsed from the
 * deck's card files.
 */
export async function builtInDeckItems(root: string, decks: readonly BuiltInQuizDeck[]): Promise<QuizItemsResult[]> {
  const packed = ((await readContentPackSection(root, 'cards')) ?? {}) as Record<string, QuizItemsResult>;
  const missing = decks.filter((deck) => !Object.hasOwn(packed, deck.id));
  const parsed = missing.length > 0 ? await parseBuiltInDeckItems(root, missing) : {};
  return decks.map((deck) => (Object.hasOwn(packed, deck.id) ? packed[deck.id] : parsed[deck.id]));
}
