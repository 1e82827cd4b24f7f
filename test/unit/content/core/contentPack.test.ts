// The content pack: its codec keeps every value exactly, and reading the pack the build writes gives exactly what
// parsing the sources gives (so the pack cannot drift from content/), rebased on wherever the extension is installed;
// without a readable pack, the built-in content is parsed from the sources.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTENT_PACK_FILE, CONTENT_PACK_VERSION, decodePackValue, encodePackValue, readContentPackSection, serializeContentPack } from '../../../../src/content/core/contentPack';
import { parseBuiltInContent, writeContentPack, type BuiltInContent } from '../../../../src/content/core/contentPackBuild';
import { builtInDecks, loadBuiltInDecks } from '../../../../src/content/core/deckLoader';
import { builtInProblems, loadProblems } from '../../../../src/problems/core/problemLoader';
import { builtInDeckItems, parseBuiltInDeckItems } from '../../../../src/quiz/core/quizItems';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SECTIONS = ['decks', 'cards', 'problems'] as const;

/** What the JSON-safe form goes through in the file. */
const roundTrip = (value: unknown, root = '/build/root', to = root) => decodePackValue(JSON.parse(JSON.stringify(encodePackValue(value, root))), to);

describe('content pack codec', () => {
  it('keeps what JSON loses: undefined values and keys, non-finite numbers, -0, dates, maps and sets', () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    const value = {
      text: 'plain',
      missing: undefined,
      list: [1, undefined, null, 'x'],
      order: Infinity,
      low: -Infinity,
      nan: NaN,
      negativeZero: -0,
      when: new Date(Date.UTC(2026, 11, 2, 6, 0, 0, 123)),
      map: new Map<unknown, unknown>([['k', { v: 1 }], [2, new Set(['a'])]]),
      set: new Set([1, 'two', undefined]),
      nullProto,
      nested: { deeper: { flag: true, nothing: null } },
    };
    const decoded = roundTrip(value) as typeof value;
    assert.deepStrictEqual(decoded, value);
    assert.ok(Object.hasOwn(decoded, 'missing'));
    assert.ok(Object.is(decoded.negativeZero, -0));
    assert.equal(Object.getPrototypeOf(decoded.nullProto), null);
  });

  it('keeps strings and keys that look like its own tags', () => {
    const value = { '\u0000': 'box key', s: '\u0000u', t: '\u0000\u0000p', u: '\u0000Infinity', list: ['\u0000'] };
    assert.deepStrictEqual(roundTrip(value), value);
  });

  it('stores paths under the root relative to it and rebases them on the folder the pack is read from', () => {
    const from = path.join(os.tmpdir(), 'build-root');
    const to = path.join(os.tmpdir(), 'installed', 'extension');
    const value = { root: from, file: path.join(from, 'content', 'decks', 'a', 'topics', 'x.md'), outside: path.join(os.tmpdir(), 'build-root-sibling', 'y'), relative: 'content/decks/a' };
    const encoded = JSON.stringify(encodePackValue(value, from));
    assert.ok(!encoded.includes(from + path.sep), encoded);
    assert.deepStrictEqual(roundTrip(value, from, to), {
      root: to,
      file: path.join(to, 'content', 'decks', 'a', 'topics', 'x.md'),
      outside: path.join(os.tmpdir(), 'build-root-sibling', 'y'),
      relative: 'content/decks/a',
    });
  });

  it('refuses what it cannot keep, naming where it is', () => {
    class Thing {}
    assert.throws(() => encodePackValue({ deck: { topics: [new Thing()] } }, '/r'), /the value\.deck\.topics\[0\]: a Thing/);
    assert.throws(() => encodePackValue({ run: () => 1 }, '/r'), /the value\.run: a function/);
  });
});

describe('content pack of the built-in content', function () {
  // Parsing the whole curriculum (and compressing it) takes a while on a busy machine.
  this.timeout(120000);
  let temp: string;
  let fromSources: BuiltInContent;
  let packFile: string;

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'content-pack-'));
    packFile = path.join(temp, 'content.pack');
    await writeContentPack(ROOT, packFile);
    // A second, independent parse: what the pack is compared with.
    fromSources = await parseBuiltInContent(ROOT);
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('holds the whole curriculum', () => {
    assert.equal(fromSources.decks.length, 6);
    assert.equal(fromSources.decks.flatMap((deck) => deck.topics).length, 43);
    assert.equal(Object.values(fromSources.cards).flatMap((result) => result.items).length, 331);
    assert.equal(fromSources.problems.problems.length, 37);
  });

  it('reads back exactly (deep-equal) what parsing the sources gives, section by section', async () => {
    for (const section of SECTIONS) assert.deepStrictEqual(await readContentPackSection(ROOT, section, packFile), fromSources[section], section);
  });

  it('gives new objects on every read', async () => {
    const first = (await readContentPackSection(ROOT, 'decks', packFile)) as BuiltInContent['decks'];
    first[0].topics.length = 0;
    assert.deepStrictEqual(await readContentPackSection(ROOT, 'decks', packFile), fromSources.decks);
  });

  it('is read by the loaders from <root>/dist/content.pack, its paths under that root, without any source file', async () => {
    const installed = path.join(temp, 'installed');
    fs.mkdirSync(path.join(installed, 'dist'), { recursive: true });
    fs.copyFileSync(packFile, path.join(installed, CONTENT_PACK_FILE));
    const decks = await builtInDecks(installed);
    const [items, problems] = await Promise.all([builtInDeckItems(installed, decks), builtInProblems(installed)]);
    const rebase = (file: string) => path.join(installed, path.relative(ROOT, file));
    assert.deepStrictEqual(
      decks.map((deck) => [deck.id, deck.folder, deck.diagramsFolder, deck.topics.map((topic) => topic.file)]),
      fromSources.decks.map((deck) => [deck.id, rebase(deck.folder), rebase(deck.diagramsFolder), deck.topics.map((topic) => rebase(topic.file))]),
    );
    assert.deepStrictEqual(items.map((result) => result.items), fromSources.decks.map((deck) => fromSources.cards[deck.id].items));
    // The code cards' reference solutions come with the problems: nothing is read from content/ to build them.
    assert.deepStrictEqual(
      problems.problems.map((problem) => problem.solutions),
      fromSources.problems.problems.map((problem) => ({ ts: fs.readFileSync(problem.files.solutionTs, 'utf8'), py: fs.readFileSync(problem.files.solutionPy, 'utf8') })),
    );
    assert.deepStrictEqual(problems.problems.map((problem) => problem.files), fromSources.problems.problems.map((problem) => Object.fromEntries(Object.entries(problem.files).map(([k, v]) => [k, rebase(v)]))));
  });

  it('parses the sources of a deck the pack does not hold', async () => {
    const decks = await builtInDecks(ROOT);
    const invented = { ...decks[0], id: 'not-in-the-pack' };
    const installed = path.join(temp, 'partial');
    fs.mkdirSync(path.join(installed, 'dist'), { recursive: true });
    fs.copyFileSync(packFile, path.join(installed, CONTENT_PACK_FILE));
    const [result] = await builtInDeckItems(installed, [invented]);
    assert.deepStrictEqual(result, (await parseBuiltInDeckItems(ROOT, [invented]))['not-in-the-pack']);
    assert.ok(result.items.length > 0);
  });
});

describe('built-in content without a readable pack', function () {
  this.timeout(120000);
  let temp: string;

  beforeEach(() => {
    // An extension folder whose content/ is the repository's, and whose dist/ has no pack yet.
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'content-nopack-'));
    fs.symlinkSync(path.join(ROOT, 'content'), path.join(temp, 'content'));
    fs.mkdirSync(path.join(temp, 'dist'));
  });

  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  const expectSources = async () => {
    const decks = await builtInDecks(temp);
    assert.deepStrictEqual(decks, await loadBuiltInDecks(path.join(temp, 'content', 'decks')));
    assert.deepStrictEqual(await builtInProblems(temp), await loadProblems(path.join(temp, 'content', 'problems'), { trusted: true }));
    const items = await builtInDeckItems(temp, decks);
    const parsed = await parseBuiltInDeckItems(temp, decks);
    assert.deepStrictEqual(items, decks.map((deck) => parsed[deck.id]));
    assert.equal(decks.flatMap((deck) => deck.topics).length, 43);
  };

  it('parses the sources when there is no pack (a checkout before its first build)', async () => {
    await expectSources();
  });

  it('parses the sources when the pack is damaged', async () => {
    fs.writeFileSync(path.join(temp, CONTENT_PACK_FILE), `MLIP-CONTENT-PACK ${CONTENT_PACK_VERSION}\nnot brotli at all`);
    await expectSources();
  });

  it('parses the sources when the pack is of another version', async () => {
    const pack = await serializeContentPack({ decks: [] }, temp);
    fs.writeFileSync(path.join(temp, CONTENT_PACK_FILE), Buffer.concat([Buffer.from(`MLIP-CONTENT-PACK ${CONTENT_PACK_VERSION + 1}\n`), pack.subarray(pack.indexOf(0x0a) + 1)]));
    await expectSources();
  });

  it('reads a section the pack holds and parses the ones it lacks', async () => {
    fs.writeFileSync(path.join(temp, CONTENT_PACK_FILE), await serializeContentPack({ decks: [] }, temp));
    assert.deepStrictEqual(await builtInDecks(temp), []);
    assert.deepStrictEqual(await builtInProblems(temp), await loadProblems(path.join(temp, 'content', 'problems'), { trusted: true }));
  });
});
