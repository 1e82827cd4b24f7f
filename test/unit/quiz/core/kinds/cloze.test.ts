import * as assert from 'node:assert/strict';
import { parseCardFile } from '../../../../../src/quiz/core/cardSchema';
import { blankNumbers, clozeAnswerMatches, fillCloze, gradeCloze, normalizeClozeAnswer, parseCloze } from '../../../../../src/quiz/core/kinds/cloze';

describe('cloze text', () => {
  it('splits prose and blanks, with hints', () => {
    const parsed = parseCloze('BERT masks {{c1::15%}} of tokens, {{c2::80%::share}} of them as [MASK].');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.segments, [
      'BERT masks ',
      { index: 1, answer: '15%', inMath: false },
      ' of tokens, ',
      { index: 2, answer: '80%', hint: 'share', inMath: false },
      ' of them as [MASK].',
    ]);
  });

  it('ends a blank at the braces it did not open itself, inside math', () => {
    const parsed = parseCloze('$\\mathrm{softmax}(QK^\\top/{{c1::\\sqrt{d_k}}})V$ and $$x^{ {{c2::2}} }$$');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.blanks, [
      { index: 1, answer: '\\sqrt{d_k}', inMath: true },
      { index: 2, answer: '2', inMath: true },
    ]);
    assert.equal(fillCloze(parsed.segments, (blank) => `[${blank.index}]`), '$\\mathrm{softmax}(QK^\\top/[1])V$ and $$x^{ [2] }$$');
  });

  it('treats a blank after a closed formula as prose, and an escaped dollar as text', () => {
    const parsed = parseCloze('$a$ costs \\$5 and {{c1::b}}');
    assert.ok(parsed.ok);
    assert.equal(parsed.blanks[0].inMath, false);
  });

  it('refuses unclosed, empty and missing blanks', () => {
    assert.deepEqual(parseCloze('x {{c1::\\sqrt{d}} y'), { ok: false, error: { reason: 'unclosed', blank: '{{c1::', at: 3 } });
    assert.deepEqual(parseCloze('x {{c1:: }} y'), { ok: false, error: { reason: 'empty', blank: '{{c1::', at: 3 } });
    assert.deepEqual(parseCloze('no blanks'), { ok: false, error: { reason: 'none' } });
  });

  it('numbers blanks by first appearance; a repeated number is one blank', () => {
    const parsed = parseCloze('{{c2::a}} {{c1::b}} {{c2::a}}');
    assert.ok(parsed.ok);
    assert.deepEqual(blankNumbers(parsed.blanks), [2, 1]);
  });

  it('compares answers without case, spacing, LaTeX spacing, dollars, thousands separators or full-width forms', () => {
    assert.equal(normalizeClozeAnswer(' \\sqrt{ d_k } '), '\\sqrt{d_k}');
    assert.ok(clozeAnswerMatches('$\\sqrt{d_k}$', '\\sqrt{d_k}'));
    assert.ok(clozeAnswerMatches('a\\,b', 'a b'));
    assert.ok(clozeAnswerMatches('32,768', '32768'));
    assert.ok(clozeAnswerMatches('ＬａｙｅｒＮｏｒｍ', 'layernorm'));
    assert.ok(clozeAnswerMatches('x^{2}', 'x^2'));
    assert.ok(!clozeAnswerMatches('\\sqrt{d}', '\\sqrt{d_k}'));
    assert.ok(!clozeAnswerMatches('', '2'));
  });

  it('grades typed answers per blank, accepting either language', () => {
    const texts = ['Uses {{c1::RMSNorm}} with {{c2::2}} terms', '使用 {{c1::均方根归一化}}，共 {{c2::2}} 项'];
    assert.deepEqual(gradeCloze(texts, ['rmsnorm', '2']), { given: ['rmsnorm', '2'], correct: [true, true], proposed: 3 });
    assert.deepEqual(gradeCloze(texts, ['均方根归一化', '3']), { given: ['均方根归一化', '3'], correct: [true, false], proposed: 1 });
    assert.deepEqual(gradeCloze(texts, []), { given: ['', ''], correct: [false, false], proposed: 1 });
  });
});

describe('cloze cards', () => {
  const file = (body: string) => ({ fileName: 'cards.yaml', text: body });

  it('parse with a masked prompt in each language', () => {
    const result = parseCardFile(
      file(
        [
          '- id: t/cloze-a',
          '  topic: t',
          '  kind: cloze',
          '  text:',
          '    en: "Divide by {{c1::\\\\sqrt{d_k}}} in $QK^\\\\top/{{c2::\\\\sqrt{d_k}}}$."',
          '    zh-cn: "除以 {{c1::\\\\sqrt{d_k}}}，即 $QK^\\\\top/{{c2::\\\\sqrt{d_k}}}$。"',
        ].join('\n'),
      ),
      { requireBothLanguages: true },
    );
    assert.deepEqual(result.errors, []);
    const card = result.cards[0];
    assert.equal(card.kind, 'cloze');
    assert.deepEqual(card.prompt, { en: 'Divide by **[1]** in $QK^\\top/\\boxed{\\,2\\,}$.', 'zh-cn': '除以 **[1]**，即 $QK^\\top/\\boxed{\\,2\\,}$。' });
  });

  it('report blanks that differ between the languages, and a text without blanks', () => {
    const result = parseCardFile(
      file(['- id: t/cloze-a', '  topic: t', '  kind: cloze', '  text:', '    en: "{{c1::a}} {{c2::b}}"', '    zh-cn: "{{c1::a}}"', '- id: t/cloze-b', '  topic: t', '  kind: cloze', '  text:', '    en: "none"', '    zh-cn: "无"'].join('\n')),
      { requireBothLanguages: true },
    );
    assert.equal(result.cards.length, 0);
    assert.equal(result.errors.length, 3);
    assert.match(result.errors[0], /has blanks 1,2 in English but 1 in Chinese/);
    assert.match(result.errors[1], /has no blank/);
  });
});
