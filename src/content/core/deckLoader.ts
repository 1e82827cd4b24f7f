import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readContentPackSection } from './contentPack';
import type { LocalizedText } from './language';
import type { Topic, TopicProblem } from './topicParser';

/** A set of topics from one folder: a built-in deck (`content/decks/<id>/`) or a user deck. */
export interface Deck {
  /** The manifest's id for built-in decks; `user:<folder uri>` for user decks. */
  id: string;
  /**
   * The prefix of this deck's topic keys (`<keyScope>/<topicId>`): `builtin` for every built-in deck, so progress stored
   * before decks existed keeps its keys (built-in topic ids are unique across decks); the deck id for user decks.
   */
  keyScope: string;
  /** From `deck.yaml`; a user folder without one is titled after its folder. */
  title: LocalizedText;
  description?: LocalizedText;
  order: number;
  /** Built-in content is trusted (raw HTML, inlined diagrams); user decks are not. */
  trusted: boolean;
  folder: string;
  /** Where the deck's card files are: `cards/` when it exists, else the deck folder (`*.cards.yaml`). */
  cardsFolder: string;
  diagramsFolder: string;
  /** False when the folder does not exist: an absent user deck is not an error. */
  exists: boolean;
  topics: LoadedTopic[];
  problems: TopicProblem[];
}

export interface LoadedTopic extends Topic {
  deckId: string;
  /** `<keyScope>/<id>`: unique across decks; progress and panels are stored under it. */
  key: string;
  file: string;
}

export interface DeckOptions {
  folder: string;
  trusted: boolean;
  /** Used when the folder has no `deck.yaml` (user decks; a built-in deck must have one). */
  fallback?: { id: string; title: LocalizedText };
  /** The topic-key prefix; defaults to the deck id. */
  keyScope?: string;
}

export const DECK_MANIFEST = 'deck.yaml';

/** Files above this size are refused: a deck is prose, and a huge file would stall rendering. */
export const MAX_TOPIC_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a deck folder: its `deck.yaml` when present, and every `*.md` file in `topics/` (or, when there is no `topics/`,
 * directly in the folder). A bad file yields problems; the other topics still load.
 */
export async function loadDeck(options: DeckOptions): Promise<Deck> {
  const { folder, trusted } = options;
  const fallbackId = options.fallback?.id ?? path.basename(folder);
  const deck: Deck = {
    id: fallbackId,
    keyScope: options.keyScope ?? fallbackId,
    title: options.fallback?.title ?? { en: path.basename(folder) },
    order: Infinity,
    trusted,
    folder,
    cardsFolder: folder,
    diagramsFolder: path.join(folder, 'diagrams'),
    exists: true,
    topics: [],
    problems: [],
  };
  let entries: Set<string>;
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) {
      deck.problems.push({ file: folder, line: 0, message: l10n.t('the deck folder is a file, not a folder: move it away or change the setting that points here') });
      return deck;
    }
    entries = new Set(await fs.readdir(folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...deck, exists: false };
    deck.problems.push({ file: folder, line: 0, message: l10n.t('cannot read the deck folder: {0}', errorMessage(error)) });
    return deck;
  }
  if (entries.has(DECK_MANIFEST)) await applyManifest(deck, path.join(folder, DECK_MANIFEST), options);
  else if (!options.fallback) deck.problems.push({ file: folder, line: 0, message: l10n.t('a built-in deck folder needs a `deck.yaml`') });
  if (entries.has('cards')) deck.cardsFolder = path.join(folder, 'cards');
  const topicsFolder = entries.has('topics') ? path.join(folder, 'topics') : folder;
  let names: string[];
  try {
    names = (topicsFolder === folder ? [...entries] : await fs.readdir(topicsFolder)).filter((name) => name.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    deck.problems.push({ file: topicsFolder, line: 0, message: l10n.t('cannot read the deck folder: {0}', errorMessage(error)) });
    return deck;
  }
  const results = await Promise.all(names.map((name) => readTopic(deck, path.join(topicsFolder, name))));
  const seenIds = new Map<string, string>();
  for (const read of results) {
    if (!('topic' in read)) {
      deck.problems.push(...read.problems);
      continue;
    }
    const result = read.topic;
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

/**
 * The built-in decks: every folder under `root` (content/decks) in manifest order. A topic id used by two built-in
 * decks is reported and kept only in the first, since built-in topic keys share one scope.
 */
export async function loadBuiltInDecks(root: string): Promise<Deck[]> {
  let names: string[];
  try {
    names = (await fs.readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
  const decks = await Promise.all(names.map((name) => loadDeck({ folder: path.join(root, name), trusted: true, keyScope: BUILT_IN_KEY_SCOPE })));
  decks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const seen = new Map<string, string>();
  for (const deck of decks) {
    deck.topics = deck.topics.filter((topic) => {
      const other = seen.get(topic.id);
      if (other === undefined) {
        seen.set(topic.id, deck.id);
        return true;
      }
      deck.problems.push({ file: topic.file, line: 1, message: l10n.t('duplicate `id: {0}` (also used by {1}): give each topic its own id', topic.id, other) });
      return false;
    });
  }
  return decks;
}

/** Topic keys of every built-in deck start with this. */
export const BUILT_IN_KEY_SCOPE = 'builtin';

/** The built-in decks' folder, relative to the extension's folder. */
export const BUILT_IN_DECKS_FOLDER = path.join('content', 'decks');

/**
 * The built-in decks of the extension in `root`, as `loadBuiltInDecks` reads them from `content/decks`: from the
 * content pack (`dist/content.pack`, written by the build from those very files with this loader). Without a readable
 * pack — a development checkout before its first build — they are parsed from the sources instead.
 */
export async function builtInDecks(root: string): Promise<Deck[]> {
  const packed = (await readContentPackSection(root, 'decks')) as Deck[] | undefined;
  return packed ?? loadBuiltInDecks(path.join(root, BUILT_IN_DECKS_FOLDER));
}

async function applyManifest(deck: Deck, file: string, options: DeckOptions): Promise<void> {
  const text = await readText(file);
  if (typeof text !== 'string') {
    deck.problems.push(...text.problems);
    return;
  }
  const parsed = parser().parseDeckManifest(file, text);
  if (!parsed.ok) {
    deck.problems.push(...parsed.problems);
    return;
  }
  const { manifest } = parsed;
  // A user deck keeps its folder-based id, so two folders whose manifests say the same id stay apart.
  if (!options.fallback) {
    deck.id = manifest.id;
    deck.keyScope = options.keyScope ?? manifest.id;
  }
  deck.title = manifest.title;
  deck.description = manifest.description;
  deck.order = manifest.order ?? Infinity;
}

/** The parser brings YAML and zod, which activation does not need (~40 ms to load): required on first use. */
function parser(): typeof import('./topicParser') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./topicParser') as typeof import('./topicParser');
}

/** A file's text, or why it cannot be read as deck content. */
async function readText(file: string): Promise<string | { problems: TopicProblem[] }> {
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
    return text;
  } catch (error) {
    return problem(file, l10n.t('cannot read the file: {0}', errorMessage(error)));
  }
}

async function readTopic(deck: Deck, file: string): Promise<{ topic: LoadedTopic } | { problems: TopicProblem[] }> {
  const text = await readText(file);
  if (typeof text !== 'string') return text;
  const parsed = parser().parseTopicFile(file, text);
  return parsed.ok ? { topic: { ...parsed.topic, deckId: deck.id, key: `${deck.keyScope}/${parsed.topic.id}`, file } } : { problems: parsed.problems };
}

function problem(file: string, message: string): { problems: TopicProblem[] } {
  return { problems: [{ file, line: 0, message }] };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
