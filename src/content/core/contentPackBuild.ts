// Builds the content pack (see contentPack.ts) from the sources with the extension's own loaders: scripts/build.mjs
// runs this on every build, and a unit test checks that reading the pack gives exactly what parsing the sources gives.
// vscode-free.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadProblems, BUILT_IN_PROBLEMS_FOLDER, type ProblemSet } from '../../problems/core/problemLoader';
import { parseBuiltInDeckItems, type QuizItemsResult } from '../../quiz/core/quizItems';
import { serializeContentPack } from './contentPack';
import { BUILT_IN_DECKS_FOLDER, loadBuiltInDecks, type Deck } from './deckLoader';

/** What the pack holds, section by section: the built-in decks, their cards (by deck id) and the practice problems. */
export interface BuiltInContent {
  decks: Deck[];
  cards: Record<string, QuizItemsResult>;
  problems: ProblemSet;
}

/** Every built-in deck, card and problem of the extension (or repository) in `root`, parsed from its files. */
export async function parseBuiltInContent(root: string): Promise<BuiltInContent> {
  const [decks, problems] = await Promise.all([loadBuiltInDecks(path.join(root, BUILT_IN_DECKS_FOLDER)), loadProblems(path.join(root, BUILT_IN_PROBLEMS_FOLDER), { trusted: true })]);
  return { decks, cards: await parseBuiltInDeckItems(root, decks), problems };
}

/** Every problem a built-in file has: each is a bug in the content, which the build reports. */
export function builtInContentProblems(content: BuiltInContent): { file: string; line: number; message: string }[] {
  return [...content.decks.flatMap((deck) => deck.problems), ...Object.values(content.cards).flatMap((result) => result.problems), ...content.problems.diagnostics];
}

/** Parses the sources in `root` and writes the pack to `file`; returns what it wrote and the content's problems. */
export async function writeContentPack(root: string, file: string): Promise<{ bytes: number; content: BuiltInContent }> {
  const content = await parseBuiltInContent(root);
  const pack = await serializeContentPack({ decks: content.decks, cards: content.cards, problems: content.problems }, root);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, pack);
  return { bytes: pack.length, content };
}
