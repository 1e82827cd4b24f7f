import * as assert from 'node:assert/strict';
import { contentFiles, findLines } from './contentFiles';

// "Seed" is the project's internal name for the source blog post; users never saw it. The ML terms
// "random seed" / "随机种子" are real vocabulary and stay allowed.
const INTERNAL = /(?<![\w-])seed(?![\w-])|种子/i;
const ALLOWED = /random\s+seed|随机种子/gi;

describe('built-in content wording', () => {
  it('never uses the internal word "seed" / "种子"', () => {
    const files = contentFiles(['.md', '.yaml', '.yml', '.svg', '.ts']);
    assert.ok(files.length > 0, 'found content files');
    const hits = findLines(files, INTERNAL).filter((hit) => INTERNAL.test(hit.text.replace(ALLOWED, '')));
    const problems = hits.map((hit) => `${hit.file}:${hit.line}: ${hit.text.slice(0, 140)}`);
    assert.ok(problems.length === 0, `${problems.length} internal word(s) in built-in content:\n${problems.join('\n')}`);
  });
});
