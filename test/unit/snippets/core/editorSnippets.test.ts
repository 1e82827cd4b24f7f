import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SNIPPET_CATALOG } from '../../../../src/snippets/core/catalog';
import {
  buildEditorSnippets,
  escapeSnippetText,
  unescapeSnippetBody,
  writeEditorSnippets,
} from '../../../../src/snippets/core/editorSnippets';
import { stripDemo } from '../../../../src/snippets/core/selfContained';
import { selfContainedSnippet } from '../../../../src/snippets/core/selfContained';
import { SNIPPETS_DIR } from '../golden';

describe('src/snippets/editorSnippets', () => {
  const snippets = buildEditorSnippets(SNIPPETS_DIR);

  it('has one entry per catalog snippet, with its prefix and description', () => {
    assert.equal(Object.keys(snippets).length, SNIPPET_CATALOG.length);
    for (const info of SNIPPET_CATALOG) {
      const entry = snippets[info.title.en];
      assert.ok(entry, `missing ${info.title.en}`);
      assert.equal(entry.prefix, info.prefix);
      assert.equal(entry.description, info.description.en);
    }
  });

  SNIPPET_CATALOG.forEach((info) => {
    it(`inserts ${info.id}.ts as Insert Snippet does: self-contained, minus its demo block`, () => {
      const source = fs.readFileSync(path.join(SNIPPETS_DIR, `${info.id}.ts`), 'utf8');
      const body = snippets[info.title.en].body;
      const inserted = unescapeSnippetBody(body);
      const demoStart = source.indexOf('\nif (require.main === module) {');
      assert.ok(demoStart > 0, 'the snippet has a demo block');
      const read = (id: string) => fs.readFileSync(path.join(SNIPPETS_DIR, `${id}.ts`), 'utf8');
      assert.equal(`${inserted}\n`, selfContainedSnippet(info.id, read, { demo: false }), 'the same text as Insert Snippet');
      // Every line of the tested file before the demo is in it, except its imports of the other snippet files.
      const kept = stripDemo(source).split('\n').filter((line) => !/^import .* from '\.\//.test(line) && line.trim() !== '');
      const insertedLines = new Set(inserted.split('\n'));
      for (const line of kept) assert.ok(insertedLines.has(line), `missing: ${line}`);
      assert.doesNotMatch(inserted, /require\.main|from '\.\//);
      // No unescaped `$` is left for VS Code's snippet syntax to interpret.
      body.forEach((line) => assert.doesNotMatch(line, /(^|[^\\])(\\\\)*\$/, `unescaped $ in: ${line}`));
    });
  });

  it('escapes $ and backslashes so template literals and regexes survive', () => {
    assert.equal(escapeSnippetText('`${name} costs $5`'), '`\\${name} costs \\$5`');
    assert.equal(escapeSnippetText(String.raw`/\d+/`), String.raw`/\\d+/`);
    const tricky = ['const s = `${a}\\${b}`;', String.raw`const r = /\$\\/;`, '$$ \\$ $'];
    assert.equal(unescapeSnippetBody(tricky.map(escapeSnippetText)), tricky.join('\n'));
  });

  it('refuses a source without a final demo block', () => {
    assert.throws(() => stripDemo('export const a = 1;\n', 'a.ts'), /a\.ts has no demo block/);
    assert.throws(
      () => stripDemo('if (require.main === module) {\n}\nexport const b = 2;\n', 'b.ts'),
      /b\.ts: the demo block must be the last thing in the file/,
    );
    assert.equal(stripDemo('export const a = 1;\r\n\r\nif (require.main === module) {\r\n  f();\r\n}\r\n'), 'export const a = 1;');
  });

  it('writeEditorSnippets writes the same object as JSON, creating the directory', () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-snippets-')), 'generated', 'typescript.json');
    try {
      writeEditorSnippets(SNIPPETS_DIR, outFile);
      assert.deepEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')), snippets);
    } finally {
      fs.rmSync(path.dirname(path.dirname(outFile)), { recursive: true, force: true });
    }
  });
});
