import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProblemCases, loadProblems, parseProblemFile } from '../../../src/problems/core/problemLoader';
import { PROBLEMS_DIR } from './helpers';

const GOOD = fs.readFileSync(path.join(PROBLEMS_DIR, 'softmax', 'problem.md'), 'utf8');

/** A user deck's problems/ folder with the softmax problem copied under `id`, problem.md edited by `edit`. */
function deckWith(problems: Record<string, (text: string) => string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-problems-'));
  for (const [id, edit] of Object.entries(problems)) {
    const folder = path.join(root, 'problems', id);
    fs.mkdirSync(folder, { recursive: true });
    for (const name of ['starter.ts', 'starter.py', 'solution.ts', 'solution.py', 'cases.json']) {
      fs.copyFileSync(path.join(PROBLEMS_DIR, 'softmax', name), path.join(folder, name));
    }
    fs.writeFileSync(path.join(folder, 'problem.md'), edit(GOOD.replace('id: softmax', `id: ${id}`)));
  }
  return path.join(root, 'problems');
}

describe('problems/problemLoader', () => {
  it('parses the front matter and both languages of a statement', () => {
    const parsed = parseProblemFile('problem.md', GOOD);
    assert.ok(parsed.ok);
    assert.equal(parsed.frontMatter.difficulty, 'easy');
    assert.deepEqual(parsed.frontMatter.entry, { ts: 'softmax', py: 'softmax' });
    assert.match(parsed.body.en?.statement ?? '', /^Given a 2-D array/);
    assert.match(parsed.body['zh-cn']?.explanation ?? '', /^一行同时减去常数/);
  });

  it('reports a malformed problem at its line and still loads the others', async () => {
    const folder = deckWith({
      good: (text) => text,
      'bad-difficulty': (text) => text.replace('difficulty: easy', 'difficulty: trivial'),
      'two-hints': (text) => text.replace(/ {4}- "Subtract the row maximum[^\n]*\n/, ''),
      'unknown-field': (text) => text.replace('tags: [', 'tagz: [x]\ntags: ['),
      'no-explanation': (text) => text.replace('## Explanation', '## Notes'),
    });
    const set = await loadProblems(folder, { trusted: false });
    assert.deepEqual(set.problems.map((p) => p.id), ['good']);
    const byFolder = Object.fromEntries(set.diagnostics.map((d) => [path.basename(path.dirname(d.file)), { line: d.line, message: d.message }]));
    assert.deepEqual(byFolder['bad-difficulty'], { line: 3, message: '`difficulty`: must be easy, medium or hard' });
    assert.deepEqual(byFolder['two-hints'], { line: 10, message: '`hints`: give exactly three hints in each language, of increasing strength' });
    assert.deepEqual(byFolder['unknown-field'], { line: 4, message: 'front matter: unknown field `tagz` — remove it or check the spelling (see the deck format: the link beside this problem)' });
    assert.equal(byFolder['no-explanation'].message, 'the `en` section needs the headings `## Problem` and then `## Explanation`');
    assert.equal(byFolder['no-explanation'].line, GOOD.split('\n').indexOf('<!-- lang: en -->'));
  });

  it('needs the four code files and cases.json, and the id of its folder', async () => {
    const folder = deckWith({ 'no-cases': (text) => text, renamed: (text) => text.replace('id: renamed', 'id: other') });
    fs.rmSync(path.join(folder, 'no-cases', 'cases.json'));
    const set = await loadProblems(folder, { trusted: false });
    assert.deepEqual(set.problems, []);
    assert.deepEqual(
      set.diagnostics.map((d) => [path.basename(path.dirname(d.file)), d.line, d.message]),
      [
        ['no-cases', 0, 'the problem folder has no `cases.json`: every problem needs starter.ts, starter.py, solution.ts, solution.py and cases.json'],
        ['renamed', 1, '`id: other` must be the name of its folder, renamed'],
      ],
    );
  });

  it('treats an absent problems folder as no problems', async () => {
    assert.deepEqual(await loadProblems(path.join(os.tmpdir(), 'mlip-no-such-folder'), { trusted: false }), { problems: [], diagnostics: [] });
  });

  it('validates cases.json', async () => {
    const folder = deckWith({ broken: (text) => text });
    const file = path.join(folder, 'broken', 'cases.json');
    fs.writeFileSync(file, '{"cases":[\n{"name":"a","args":[1],"expected":{"tensor":[1],"dtype":"float32","shape":[1]}}\n]}\n');
    const loaded = await loadProblemCases({ files: { cases: file } as never });
    assert.equal(loaded.ok, false);
    if (!loaded.ok) assert.equal(loaded.problems[0].line, 1);
  });
});
