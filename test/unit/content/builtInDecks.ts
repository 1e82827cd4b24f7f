// The built-in curriculum as the extension loads it, read once for the content tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBuiltInDecks, type Deck } from '../../../src/content/core/deckLoader';
import { parseCardFiles, type CardParseResult } from '../../../src/quiz/core/cardSchema';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DECKS_ROOT = path.join(ROOT, 'content', 'decks');
export const PROBLEMS_ROOT = path.join(ROOT, 'content', 'problems');

let decks: Promise<Deck[]> | undefined;

/** Every built-in deck, loaded by the extension's own loader. */
export function builtInDecks(): Promise<Deck[]> {
  decks ??= loadBuiltInDecks(DECKS_ROOT);
  return decks;
}

export interface BuiltInCardFile {
  deck: string;
  fileName: string;
  path: string;
  text: string;
  topicId: string;
}

/** Every built-in card file (`content/decks/<deck>/cards/<topic>.yaml`), parsed like the extension parses them. */
export function builtInCards(): { files: BuiltInCardFile[] } & CardParseResult {
  const files: BuiltInCardFile[] = [];
  for (const deck of readdirSync(DECKS_ROOT).sort()) {
    const folder = path.join(DECKS_ROOT, deck, 'cards');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.yaml')).sort()) {
      files.push({
        deck,
        fileName: `content/decks/${deck}/cards/${name}`,
        path: path.join(folder, name),
        text: readFileSync(path.join(folder, name), 'utf8'),
        topicId: name.replace(/\.yaml$/, ''),
      });
    }
  }
  return { files, ...parseCardFiles(files, { requireBothLanguages: true }) };
}
