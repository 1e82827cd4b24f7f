import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Topic, TopicProblem } from './topicParser';

/** A set of topics from one folder: the built-in topics, or a user deck. */
export interface Deck {
  id: string;
  /** Shown in the tree; user decks use their folder name. */
  label: string;
  /** Built-in content is trusted (raw HTML, inlined diagrams); user decks are not. */
  trusted: boolean;
  folder: string;
  /** False when the folder does not exist: an absent user deck is not an error. */
  exists: boolean;
  topics: LoadedTopic[];
  problems: TopicProblem[];
}

export interface LoadedTopic extends Topic {
  deckId: string;
  file: string;
}

/** Files above this size are refused: a deck is prose, and a huge file would stall rendering. */
export const MAX_TOPIC_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads every `*.md` file directly inside `folder`. A bad file yields problems; the other topics still load. */
export async function loadDeck(options: { id: string; label: string; folder: string; trusted: boolean }): Promise<Deck> {
  const deck: Deck = { ...options, exists: true, topics: [], problems: [] };
  let names: string[];
  try {
    const stat = await fs.stat(options.folder);
    if (!stat.isDirectory()) {
      deck.problems.push({ file: options.folder, line: 0, message: l10n.t('the deck folder is a file, not a folder: move it away or change the setting that points here') });
      return deck;
    }
    names = (await fs.readdir(options.folder)).filter((name) => name.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...deck, exists: false };
    deck.problems.push({ file: options.folder, line: 0, message: l10n.t('cannot read the deck folder: {0}', errorMessage(error)) });
    return deck;
  }
  const results = await Promise.all(names.map((name) => readTopic(deck.id, path.join(options.folder, name))));
  const seenIds = new Map<string, string>();
  for (const result of results) {
    if ('problems' in result) {
      deck.problems.push(...result.problems);
      continue;
    }
    const firstFile = seenIds.get(result.id);
    if (firstFile) {
      deck.problems.push({
        file: result.file,
        line: 1,
        message: l10n.t('duplicate `id: {0}` (also used by {1}): give each topic its own id', result.id, path.basename(firstFile)),
      });
      continue;
    }
    seenIds.set(result.id, result.file);
    deck.topics.push(result);
  }
  deck.topics.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.file.localeCompare(b.file));
  return deck;
}

async function readTopic(deckId: string, file: string): Promise<LoadedTopic | { problems: TopicProblem[] }> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_TOPIC_FILE_BYTES) {
      const megabytes = (stat.size / 1024 / 1024).toFixed(1);
      return problem(file, l10n.t('the file is {0} MB; topic files are limited to 1 MB — split it into several topics', megabytes));
    }
    const bytes = await fs.readFile(file);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return problem(file, l10n.t('the file is not valid UTF-8 text: save it with UTF-8 encoding'));
    }
    if (text.includes('\u0000')) return problem(file, l10n.t('the file looks binary (it contains NUL bytes): a topic must be a Markdown text file'));
    // Required on first use: the parser brings YAML and zod, which activation does not need (~40 ms to load).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseTopicFile } = require('./topicParser') as typeof import('./topicParser');
    const parsed = parseTopicFile(file, text);
    return parsed.ok ? { ...parsed.topic, deckId, file } : { problems: parsed.problems };
  } catch (error) {
    return problem(file, l10n.t('cannot read the file: {0}', errorMessage(error)));
  }
}

function problem(file: string, message: string): { problems: TopicProblem[] } {
  return { problems: [{ file, line: 0, message }] };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
