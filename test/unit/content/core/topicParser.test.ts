import * as assert from 'node:assert/strict';
import { parseTopicFile } from '../../../../src/content/core/topicParser';

const GOOD = `---
id: dropout
order: 2
title:
  en: Dropout
  zh-cn: 随机失活
checklist:
  en: [one, two]
  zh-cn: [一, 二]
sources:
  - title: Dropout
    year: 2014
    url: https://jmlr.org/papers/v15/srivastava14a.html
---
<!-- lang: en -->
English body.

<!-- lang: zh-cn -->
中文正文。
`;

function problemsOf(text: string) {
  const result = parseTopicFile('deck/topic.md', text);
  assert.equal(result.ok, false, 'the file is rejected');
  return result.ok ? [] : result.problems;
}

describe('parseTopicFile', () => {
  it('reads front matter and splits the body by language', () => {
    const result = parseTopicFile('deck/topic.md', GOOD);
    assert.ok(result.ok);
    assert.deepEqual(result.topic, {
      id: 'dropout',
      order: 2,
      title: { en: 'Dropout', 'zh-cn': '随机失活' },
      checklist: { en: ['one', 'two'], 'zh-cn': ['一', '二'] },
      sources: [{ title: 'Dropout', year: 2014, url: 'https://jmlr.org/papers/v15/srivastava14a.html' }],
      tags: [],
      snippets: [],
      related: [],
      problems: [],
      body: { en: 'English body.', 'zh-cn': '中文正文。' },
    });
  });

  it('uses a body without markers for both languages', () => {
    const result = parseTopicFile('t.md', '---\nid: a\ntitle:\n  en: A\n---\nShared.\n');
    assert.ok(result.ok);
    assert.deepEqual(result.topic.body, { en: 'Shared.', 'zh-cn': 'Shared.' });
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const result = parseTopicFile('t.md', '\uFEFF---\r\nid: a\r\ntitle:\r\n  en: A\r\n---\r\nBody\r\n');
    assert.ok(result.ok);
    assert.equal(result.topic.id, 'a');
  });

  it('reports missing front matter at the first line', () => {
    assert.deepEqual(problemsOf('# Just markdown\n'), [
      {
        file: 'deck/topic.md',
        line: 0,
        message: 'missing front matter: start the file with a `---` line, the YAML fields (id, title, …), and a closing `---` line',
      },
    ]);
  });

  it('reports invalid YAML at its line', () => {
    const [problem] = problemsOf('---\nid: a\ntitle: [unclosed\n---\n');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /^invalid YAML in front matter: /);
  });

  it('reports a duplicated key as invalid YAML', () => {
    const [problem] = problemsOf('---\nid: a\nid: b\ntitle:\n  en: A\n---\n');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /invalid YAML in front matter: .*unique/i);
  });

  it('names a missing required field and how to fix it', () => {
    assert.deepEqual(
      problemsOf('---\nid: a\n---\n').map((p) => [p.line, p.message]),
      [[1, '`title` is required — add it to the front matter (see the deck format: the link beside this problem)']],
    );
  });

  it('says which type a field of the wrong type must have, instead of calling it missing', () => {
    assert.deepEqual(
      problemsOf('---\nid: a\norder: first\ntitle:\n  en: A\ntags: solo\n---\n').map((p) => [p.line, p.message]),
      [
        [2, '`order` must be a number'],
        [5, '`tags` must be a list, e.g. `[a, b]`'],
      ],
    );
    assert.deepEqual(problemsOf('---\nid: a\ntitle: Just text\n---\n').map((p) => p.message), ['`title` must be a map of fields, e.g. `en: …`']);
  });

  it('points an unknown field at its own line', () => {
    assert.deepEqual(
      problemsOf('---\nid: a\ntitle:\n  en: A\nsumary:\n  en: typo\n---\n').map((p) => [p.line, p.message]),
      [[4, '`front matter`: unknown field `sumary` — remove it or check the spelling (see the deck format: the link beside this problem)'.replace('`front matter`', 'front matter')]],
    );
  });

  it('rejects an id that is not kebab-case, at the id line', () => {
    const [problem] = problemsOf('---\ntitle:\n  en: A\nid: Not Kebab\n---\n');
    assert.equal(problem.line, 3);
    assert.equal(problem.message, '`id`: `id` must be kebab-case: lowercase letters, digits and single dashes');
  });

  it('rejects a title with no language', () => {
    const [problem] = problemsOf('---\nid: a\ntitle: {}\n---\n');
    assert.equal(problem.message, '`title`: give the text in at least one language: `en:` or `zh-cn:`');
  });

  it('rejects checklists of different lengths', () => {
    const [problem] = problemsOf('---\nid: a\ntitle:\n  en: A\nchecklist:\n  en: [a, b]\n  zh-cn: [一]\n---\n');
    assert.equal(problem.line, 4);
    assert.equal(problem.message, '`checklist`: the `en` and `zh-cn` lists must have the same number of items, in the same order');
  });

  it('rejects a source link that is not http(s)', () => {
    const [problem] = problemsOf('---\nid: a\ntitle:\n  en: A\nsources:\n  - title: X\n    url: javascript:alert(1)\n---\n');
    assert.equal(problem.line, 6);
    assert.equal(problem.message, '`sources.0.url`: a source `url` must start with http:// or https://');
  });

  it('rejects an unknown language marker', () => {
    const [problem] = problemsOf('---\nid: a\ntitle:\n  en: A\n---\n<!-- lang: fr -->\nBonjour\n');
    assert.equal(problem.line, 5);
    assert.equal(problem.message, 'unknown language marker `<!-- lang: fr -->`: use `<!-- lang: en -->` or `<!-- lang: zh-cn -->`');
  });
});
