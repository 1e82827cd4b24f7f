import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInDecks, loadDeck, MAX_TOPIC_FILE_BYTES } from '../../../../src/content/core/deckLoader';

const topicFile = (id: string, order: number) => `---\nid: ${id}\norder: ${order}\ntitle:\n  en: ${id}\n---\nBody of ${id}.\n`;

describe('loadDeck', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-'));
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const load = (dir = folder) => loadDeck({ folder: dir, trusted: false, fallback: { id: 'user', title: { en: 'User' } } });

  it('loads topics sorted by order, ignoring other files', async () => {
    fs.writeFileSync(path.join(folder, 'b.md'), topicFile('second', 2));
    fs.writeFileSync(path.join(folder, 'a.md'), topicFile('first', 1));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a topic');
    const deck = await load();
    assert.deepEqual(deck.topics.map((t) => [t.id, t.deckId, path.basename(t.file)]), [
      ['first', 'user', 'a.md'],
      ['second', 'user', 'b.md'],
    ]);
    assert.deepEqual(deck.problems, []);
    assert.equal(deck.exists, true);
  });

  it('keeps loading the other topics when one file is broken', async () => {
    fs.writeFileSync(path.join(folder, 'good.md'), topicFile('good', 1));
    fs.writeFileSync(path.join(folder, 'bad.md'), '---\nid: bad\n---\n');
    const deck = await load();
    assert.deepEqual(deck.topics.map((t) => t.id), ['good']);
    assert.deepEqual(deck.problems.map((p) => [path.basename(p.file), p.line]), [['bad.md', 1]]);
  });

  it('reports a duplicate id and keeps the first file', async () => {
    fs.writeFileSync(path.join(folder, 'a.md'), topicFile('same', 1));
    fs.writeFileSync(path.join(folder, 'b.md'), topicFile('same', 2));
    const deck = await load();
    assert.deepEqual(deck.topics.map((t) => path.basename(t.file)), ['a.md']);
    assert.deepEqual(deck.problems.map((p) => [path.basename(p.file), p.message]), [
      ['b.md', 'duplicate `id: same` (also used by a.md): give each topic its own id'],
    ]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    fs.writeFileSync(path.join(folder, 'huge.md'), Buffer.alloc(MAX_TOPIC_FILE_BYTES * 10 + 1, 'a'));
    const deck = await load();
    assert.deepEqual(deck.problems.map((p) => p.message), ['the file is 10.0 MB; topic files are limited to 1 MB — split it into several topics']);
  });

  it('reports a binary file and invalid UTF-8', async () => {
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(folder, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0x0a]));
    const deck = await load();
    assert.deepEqual(deck.problems.map((p) => [path.basename(p.file), p.message]), [
      ['binary.md', 'the file looks binary (it contains NUL bytes): a topic must be a Markdown text file'],
      ['latin1.md', 'the file is not valid UTF-8 text: save it with UTF-8 encoding'],
    ]);
  });

  it('says so when the deck folder is a file', async () => {
    const file = path.join(folder, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const deck = await load(file);
    assert.deepEqual(deck.problems.map((p) => p.message), ['the deck folder is a file, not a folder: move it away or change the setting that points here']);
  });

  it('treats a missing folder as an absent deck, not an error', async () => {
    const deck = await load(path.join(folder, 'missing'));
    assert.equal(deck.exists, false);
    assert.deepEqual(deck.problems, []);
  });

  it('names a user deck after its folder, and after its deck.yaml when it has one', async () => {
    fs.writeFileSync(path.join(folder, 'a.md'), topicFile('first', 1));
    assert.deepEqual((await load()).title, { en: 'User' });
    fs.writeFileSync(path.join(folder, 'deck.yaml'), 'id: mine\norder: 3\ntitle:\n  en: My deck\n  zh-cn: 我的题库\n');
    const deck = await load();
    assert.deepEqual([deck.id, deck.keyScope, deck.title, deck.order], ['user', 'user', { en: 'My deck', 'zh-cn': '我的题库' }, 3]);
    assert.deepEqual(deck.topics.map((topic) => topic.key), ['user/first']);
  });

  it('reports a broken deck.yaml at its line and still loads the topics', async () => {
    fs.writeFileSync(path.join(folder, 'a.md'), topicFile('first', 1));
    fs.writeFileSync(path.join(folder, 'deck.yaml'), 'id: mine\ntitle:\n  en: Mine\norder: soon\n');
    const deck = await load();
    assert.deepEqual(deck.problems.map((p) => [path.basename(p.file), p.line]), [['deck.yaml', 3]]);
    assert.deepEqual(deck.topics.map((topic) => topic.id), ['first']);
  });
});

describe('loadBuiltInDecks', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'decks-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const deck = (name: string, order: number, topics: string[]) => {
    fs.mkdirSync(path.join(root, name, 'topics'), { recursive: true });
    fs.writeFileSync(path.join(root, name, 'deck.yaml'), `id: ${name}\norder: ${order}\ntitle:\n  en: ${name}\n`);
    topics.forEach((id, index) => fs.writeFileSync(path.join(root, name, 'topics', `${index}.md`), topicFile(id, index)));
  };

  it('orders decks by their manifests, keys every topic builtin/<id>, and reports a topic id two decks share', async () => {
    deck('second', 2, ['c', 'shared']);
    deck('first', 1, ['a', 'shared']);
    const decks = await loadBuiltInDecks(root);
    assert.deepEqual(decks.map((d) => [d.id, d.topics.map((topic) => topic.key)]), [
      ['first', ['builtin/a', 'builtin/shared']],
      ['second', ['builtin/c']],
    ]);
    assert.deepEqual(decks[1].problems.map((p) => p.message), ['duplicate `id: shared` (also used by first): give each topic its own id']);
  });

  it('needs a deck.yaml in every built-in deck folder', async () => {
    fs.mkdirSync(path.join(root, 'nameless'));
    const [nameless] = await loadBuiltInDecks(root);
    assert.deepEqual(nameless.problems.map((p) => p.message), ['a built-in deck folder needs a `deck.yaml`']);
  });
});
