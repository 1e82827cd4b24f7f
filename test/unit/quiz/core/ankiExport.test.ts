import assert from 'node:assert/strict';
import { escapeAnkiField, exportAnkiDeck } from '../../../../src/quiz/core/ankiExport';
import { parseCardFile, type QuizCard } from '../../../../src/quiz/core/cardSchema';

const deck: QuizCard[] = [
  {
    id: 'bn-vs-ln/mc-momentum',
    topic: 'bn-vs-ln',
    kind: 'mc',
    prompt: { en: 'PyTorch `momentum=0.1` weights **what**?', 'zh-cn': 'PyTorch 的 `momentum=0.1` 是谁的权重？' },
    options: [
      { text: { en: 'The new batch: $0.9 \\cdot r + 0.1 \\cdot \\mu$', 'zh-cn': '新 batch：$0.9 \\cdot r + 0.1 \\cdot \\mu$' }, correct: true },
      { text: { en: 'The old value', 'zh-cn': '旧值' }, correct: false },
      { text: { en: 'Neither', 'zh-cn': '都不是' }, correct: false },
    ],
    explanation: { en: 'Keras is the "opposite":\n\n$$r \\leftarrow 0.99\\, r + 0.01\\, \\mu$$', 'zh-cn': 'Keras 相反。' },
  },
  {
    id: 'self-attention/recall-formula',
    topic: 'self-attention',
    kind: 'recall',
    tags: ['core'],
    prompt: { en: 'Write attention for $q_i$ and keys $k_{j<i}$.', 'zh-cn': '写出注意力公式。' },
    answer: {
      en: 'Scores $q \\cdot k / \\sqrt{d_k}$,\nthen softmax.\n\n```python\nw = softmax(s)\n\ty = w @ v\n```',
      'zh-cn': '分数 $q \\cdot k / \\sqrt{d_k}$，再 softmax。',
    },
    checklist: { en: ['Scaling by $\\sqrt{d_k}$', 'Mask with $-\\infty$'], 'zh-cn': ['按 $\\sqrt{d_k}$ 缩放', '用 $-\\infty$ 掩码'] },
  },
  {
    id: 'bn-vs-ln/code-layernorm',
    topic: 'bn-vs-ln',
    kind: 'code',
    problem: 'layernorm',
    prompt: { en: '# Implement LayerNorm', 'zh-cn': '# 实现 LayerNorm' },
    explanation: { en: 'Normalize each row & scale.', 'zh-cn': '逐行归一化并缩放。' },
  },
];

const header = (deck: string) => ['#separator:tab', '#html:true', '#notetype column:1', `#deck:${deck}`, '#tags column:4', '#columns:Notetype\tFront\tBack\tTags'];
const row = (...fields: string[]) => ['Basic', ...fields].join('\t');

describe('Anki export', () => {
  it('writes the exact import file for a small deck', () => {
    const expected = [
      ...header('ML Interview Prep'),
      row(
        String.raw`"<p>PyTorch <code>momentum=0.1</code> weights <strong>what</strong>?</p><ol type=""A""><li>Neither</li><li>The old value</li><li>The new batch: \(0.9 \cdot r + 0.1 \cdot \mu\)</li></ol>"`,
        String.raw`<p><b>Answer: C.</b> The new batch: \(0.9 \cdot r + 0.1 \cdot \mu\)</p><p>Keras is the &quot;opposite&quot;:</p><p>\[r \leftarrow 0.99\, r + 0.01\, \mu\]</p>`,
        'ml-interview::bn-vs-ln ml-interview::multiple-choice',
      ),
      row(
        String.raw`<p>Write attention for \(q_i\) and keys \(k_{j&lt;i}\).</p>`,
        String.raw`"<p>Scores \(q \cdot k / \sqrt{d_k}\), then softmax.</p><pre><code class=""language-python"">w = softmax(s)<br>` +
          '\t' +
          String.raw`y = w @ v</code></pre><p><b>What the interviewer listens for</b></p><ul><li>Scaling by \(\sqrt{d_k}\)</li><li>Mask with \(-\infty\)</li></ul>"`,
        'ml-interview::self-attention ml-interview::recall ml-interview::core',
      ),
      row('<h1>Implement LayerNorm</h1><p><i>Practice problem: <code>layernorm</code></i></p>', '<p>Normalize each row &amp; scale.</p>', 'ml-interview::bn-vs-ln ml-interview::code'),
      '',
    ].join('\n');
    assert.equal(exportAnkiDeck(deck, { language: 'en' }), expected);
  });

  it('exports the Chinese side with Chinese labels', () => {
    const expected = [
      ...header('ML Interview Prep (中文)'),
      row(
        '<p>写出注意力公式。</p>',
        String.raw`<p>分数 \(q \cdot k / \sqrt{d_k}\)，再 softmax。</p><p><b>面试官想听到的要点</b></p><ul><li>按 \(\sqrt{d_k}\) 缩放</li><li>用 \(-\infty\) 掩码</li></ul>`,
        'anki-test::self-attention anki-test::recall anki-test::core',
      ),
      '',
    ].join('\n');
    assert.equal(exportAnkiDeck([deck[1]], { language: 'zh-cn', tagPrefix: 'anki-test' }), expected);
    assert.match(exportAnkiDeck([deck[1]], { language: 'en', deck: 'My\tdeck' }), /^#separator:tab\n#html:true\n#notetype column:1\n#deck:My deck\n/);
  });

  it('escapes fields the way the importer reads them', () => {
    assert.equal(escapeAnkiField('plain <b>html</b>'), 'plain <b>html</b>');
    assert.equal(escapeAnkiField('two\nlines\r\nhere'), 'two<br>lines<br>here');
    assert.equal(escapeAnkiField('say "hi"'), '"say ""hi"""');
    assert.equal(escapeAnkiField('a\tb'), '"a\tb"');
    assert.equal(escapeAnkiField('#not a comment'), '"#not a comment"');
  });

  it('exports a cloze card as an Anki Cloze note, its blanks kept and spaced inside math', () => {
    const cloze = parseCardFile(
      {
        fileName: 'c.yaml',
        text: ['- id: t/cloze-a', '  topic: t', '  kind: cloze', '  text:', '    en: "Mask {{c1::15%}} of tokens; scale by $1/{{c2::\\\\sqrt{d_k}}}$."', '    zh-cn: "遮住 {{c1::15%}}；除以 $1/{{c2::\\\\sqrt{d_k}}}$。"'].join('\n'),
      },
      { requireBothLanguages: true },
    ).cards;
    const [, , , , , , line] = exportAnkiDeck(cloze, { language: 'en' }).split('\n');
    assert.equal(line, ['Cloze', String.raw`<p>Mask {{c1::15%}} of tokens; scale by \(1/{{c2::\sqrt{d_k} }}\).</p>`, '', 'ml-interview::t ml-interview::cloze'].join('\t'));
  });
});
