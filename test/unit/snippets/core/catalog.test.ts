import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPET_CATALOG } from '../../../../src/snippets/core/catalog';
import { builtInDecks } from '../../content/builtInDecks';
import { SNIPPETS_DIR } from '../golden';

describe('src/snippets/core/catalog', () => {
  const snippetFiles = fs
    .readdirSync(SNIPPETS_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.basename(name, '.ts'))
    .sort();

  it('lists every snippets/*.ts file exactly once', () => {
    assert.deepEqual(SNIPPET_CATALOG.map((s) => s.id).sort(), snippetFiles);
  });

  it('has unique mlip- prefixes and both languages filled in', () => {
    assert.equal(new Set(SNIPPET_CATALOG.map((s) => s.prefix)).size, SNIPPET_CATALOG.length);
    for (const snippet of SNIPPET_CATALOG) {
      assert.equal(snippet.prefix, `mlip-${snippet.id}`);
      for (const text of [snippet.title, snippet.description]) {
        assert.ok(text.en.trim().length > 0 && text['zh-cn'].trim().length > 0, `${snippet.id} needs en and zh-cn text`);
      }
    }
  });

  it('is what the topics name: every snippet a topic lists exists, and every snippet but the tensor helpers is shown by a topic', async () => {
    const named = new Set((await builtInDecks()).flatMap((deck) => deck.topics.flatMap((topic) => topic.snippets)));
    const ids = new Set(SNIPPET_CATALOG.map((snippet) => snippet.id));
    assert.deepEqual([...named].filter((id) => !ids.has(id)), [], 'snippets named by a topic but not in the catalog');
    assert.deepEqual([...ids].filter((id) => id !== 'tensor' && !named.has(id)).sort(), [], 'snippets no topic shows');
  });

  it('each snippet starts with a doc comment and imports only sibling snippets, without side effects', () => {
    for (const id of snippetFiles) {
      const source = fs.readFileSync(path.join(SNIPPETS_DIR, `${id}.ts`), 'utf8');
      assert.ok(source.startsWith('/**\n'), `${id}.ts must start with a doc comment`);
      assert.doesNotMatch(source, /from 'vscode'/);
      for (const match of source.matchAll(/from '([^']+)'/g)) {
        assert.match(match[1], /^\.\/[a-z-]+$/, `${id}.ts imports ${match[1]}`);
        assert.ok(snippetFiles.includes(match[1].slice(2)), `${id}.ts imports a missing snippet ${match[1]}`);
      }
    }
  });
});
