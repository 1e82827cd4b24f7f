import * as assert from 'node:assert/strict';
import { contentFiles, findLines } from './contentFiles';

// "Seed" was the project's internal name for the source blog post of the first deck; users never saw it, so built-in
// content must not say "seed" / "种子". The random-number sense stays allowed where the wording makes it explicit
// ("random seed", "the same seed", "seed=", "manual_seed", "随机种子"); the plural and the verb ("k-means++ seeds") are not matched.
const INTERNAL = /(?<![\w-])seed(?![\w-])|种子/i;
const RNG_SENSE = /\b(?:random|same|different|fixed|global|manual|rng|sampling)[\s_-]+seeds?\b|\bseeds?\s*=|manual_seed|随机种子/gi;

describe('built-in content wording', () => {
  it('never uses the internal word "seed" / "种子"', () => {
    const files = contentFiles(['.md', '.yaml', '.yml', '.svg', '.ts']);
    assert.ok(files.length > 0, 'found content files');
    const hits = findLines(files, (line) => INTERNAL.test(line.replace(RNG_SENSE, '')));
    const problems = hits.map((hit) => `${hit.file}:${hit.line}: ${hit.text.slice(0, 140)}`);
    assert.ok(problems.length === 0, `${problems.length} internal word(s) in built-in content:\n${problems.join('\n')}`);
  });
});
