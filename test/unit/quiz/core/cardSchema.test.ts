import assert from 'node:assert/strict';
import { parseCardFile, parseCardFiles, type CardFile } from '../../../../src/quiz/core/cardSchema';
import { recallCardFromTopic } from '../../../../src/quiz/core/kinds/recall';

const FILE = 'content/cards/bn-vs-ln.yaml';

const GOOD = `
- id: bn-vs-ln/mc-momentum
  topic: bn-vs-ln
  kind: mc
  prompt: { en: "What does momentum weight?", zh-cn: "momentum 是谁的权重？" }
  options:
    - { en: "The new batch", zh-cn: "新 batch", correct: true }
    - { en: "The old value", zh-cn: "旧值" }
  explanation: { en: "PyTorch: $0.9 \\\\cdot$ old.", zh-cn: "PyTorch：$0.9 \\\\cdot$ 旧值。" }
- id: bn-vs-ln/recall-difference
  topic: bn-vs-ln
  kind: recall
  prompt: { en: "BN vs LN?", zh-cn: "BN 与 LN？" }
  answer: { en: "BN over the batch.", zh-cn: "BN 跨 batch。" }
  checklist: { en: ["axes", "running stats"], zh-cn: ["轴", "滑动统计量"] }
- id: bn-vs-ln/code-batchnorm
  topic: bn-vs-ln
  kind: code
  problem: batchnorm
  prompt: { en: "Implement BatchNorm1d.", zh-cn: "实现 BatchNorm1d。" }
  explanation: { en: "Biased variance.", zh-cn: "有偏方差。" }
`;

function parse(text: string, options = { requireBothLanguages: true }, topicId?: string) {
  const file: CardFile = { fileName: FILE, text, topicId };
  return parseCardFile(file, options);
}

/** The GOOD file with one line replaced, to make each kind of mistake. */
function goodWith(search: string, replacement: string): string {
  assert.ok(GOOD.includes(search), `fixture contains ${search}`);
  return GOOD.replace(search, replacement);
}

describe('card schema', () => {
  it('accepts one card of each kind and normalizes options', () => {
    const { cards, errors } = parse(GOOD, { requireBothLanguages: true }, 'bn-vs-ln');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      cards.map((card) => card.kind),
      ['mc', 'recall', 'code'],
    );
    const mc = cards[0];
    assert.ok(mc.kind === 'mc');
    assert.deepEqual(mc.options[1], { text: { en: 'The old value', 'zh-cn': '旧值' }, correct: false });
    assert.equal(mc.explanation.en, 'PyTorch: $0.9 \\cdot$ old.');
  });

  it('rejects an mc card without exactly one correct option', () => {
    const twoCorrect = parse(goodWith('{ en: "The old value", zh-cn: "旧值" }', '{ en: "The old value", zh-cn: "旧值", correct: true }'));
    assert.deepEqual(twoCorrect.errors, [
      `${FILE}: card #1 (id "bn-vs-ln/mc-momentum"), field "options": needs exactly one option with \`correct: true\`, found 2. Fix: mark the single right answer with \`correct: true\` and leave it off the others.`,
    ]);
    const noneCorrect = parse(goodWith(', correct: true }', ' }'));
    assert.match(noneCorrect.errors[0], /found 0/);
    assert.equal(noneCorrect.cards.length, 2, 'the other cards still load');
  });

  it('rejects a missing field, naming it and how to add it', () => {
    const { errors } = parse(goodWith('  answer: { en: "BN over the batch.", zh-cn: "BN 跨 batch。" }\n', ''));
    assert.deepEqual(errors, [
      `${FILE}: card #2 (id "bn-vs-ln/recall-difference"), field "answer": is missing. Fix: add \`answer: { en: "...", zh-cn: "..." }\` with the model answer.`,
    ]);
  });

  it('rejects a missing language in built-in decks but lets user decks fall back', () => {
    const text = goodWith('answer: { en: "BN over the batch.", zh-cn: "BN 跨 batch。" }', 'answer: { en: "BN over the batch." }');
    assert.deepEqual(parse(text).errors, [
      `${FILE}: card #2 (id "bn-vs-ln/recall-difference"), field "answer.zh-cn": is missing. Fix: add the Simplified Chinese text under \`zh-cn:\`.`,
    ]);
    const lenient = parse(text, { requireBothLanguages: false });
    assert.deepEqual(lenient.errors, []);
    const recall = lenient.cards[1];
    assert.ok(recall.kind === 'recall');
    assert.deepEqual(recall.answer, { en: 'BN over the batch.', 'zh-cn': 'BN over the batch.' });
  });

  it('rejects a text with no language at all, even in user decks', () => {
    const { errors } = parse(goodWith('prompt: { en: "BN vs LN?", zh-cn: "BN 与 LN？" }', 'prompt: {}'), { requireBothLanguages: false });
    assert.match(errors[0], /field "prompt": has no text in any language\. Fix: give at least `en:`/);
  });

  it('rejects checklists of different lengths', () => {
    const { errors } = parse(goodWith('zh-cn: ["轴", "滑动统计量"]', 'zh-cn: ["轴"]'));
    assert.deepEqual(errors, [
      `${FILE}: card #2 (id "bn-vs-ln/recall-difference"), field "checklist": has 2 English items but 1 Chinese items. Fix: give the same points, in the same order, in both languages.`,
    ]);
  });

  it('rejects an unknown kind, a malformed problem id and a misspelt field', () => {
    assert.deepEqual(parse(goodWith('kind: recall', 'kind: essay')).errors, [
      `${FILE}: card #2 (id "bn-vs-ln/recall-difference"), field "kind": is not a known card kind. Fix: use one of mc, recall, cloze, code.`,
    ]);
    assert.deepEqual(parse(goodWith('problem: batchnorm', 'problem: Batch Norm')).errors, [
      `${FILE}: card #3 (id "bn-vs-ln/code-batchnorm"), field "problem": has the wrong format. Fix: give the id of a practice problem (a folder name under content/problems/, or under the deck's problems/).`,
    ]);
    assert.deepEqual(parse(goodWith('  explanation: { en: "Biased variance."', '  explantion: { en: "Biased variance."')).errors, [
      `${FILE}: card #3 (id "bn-vs-ln/code-batchnorm"), field "explanation": is missing. Fix: add \`explanation: { en: "...", zh-cn: "..." }\`.`,
      `${FILE}: card #3 (id "bn-vs-ln/code-batchnorm"): has unknown field "explantion". Fix: remove it or correct its spelling (every card has id, topic, kind and prompt; mc adds options and explanation; recall adds answer and checklist; cloze has text (with {{c1::…}} blanks) instead of prompt, and an optional explanation; code adds problem and explanation).`,
    ]);
  });

  it('rejects ids that are malformed, outside their topic or repeated', () => {
    assert.match(parse(goodWith('id: bn-vs-ln/mc-momentum', 'id: Momentum Card')).errors[0], /card #1 \(id "Momentum Card"\), field "id": has the wrong format\. Fix: use "<topic>\/<kebab-case-name>"/);
    assert.deepEqual(parse(goodWith('id: bn-vs-ln/mc-momentum', 'id: layer-norm/mc-momentum')).errors, [
      `${FILE}: card #1 (id "layer-norm/mc-momentum"), field "id": "layer-norm/mc-momentum" does not start with its topic "bn-vs-ln/". Fix: rename it to "bn-vs-ln/mc-momentum".`,
    ]);
    assert.deepEqual(parse(goodWith('id: bn-vs-ln/recall-difference', 'id: bn-vs-ln/mc-momentum')).errors, [
      `${FILE}: card #2 (id "bn-vs-ln/mc-momentum"), field "id": "bn-vs-ln/mc-momentum" is used by an earlier card. Fix: give each card its own id.`,
    ]);
  });

  it('rejects a card filed under another topic', () => {
    const { errors } = parse(GOOD, { requireBothLanguages: true }, 'self-attention');
    assert.equal(errors.length, 3);
    assert.match(errors[0], /field "topic": is "bn-vs-ln" but the file is for "self-attention"\. Fix: move the card to bn-vs-ln\.yaml or set topic: self-attention\./);
  });

  it('rejects unclosed math', () => {
    const { errors } = parse(goodWith('prompt: { en: "BN vs LN?"', 'prompt: { en: "Costs $5"'));
    assert.match(errors[0], /field "prompt\.en": has an odd number of `\$` signs, so some math is never closed\. Fix: .*\\\$/);
    assert.deepEqual(parse(goodWith('prompt: { en: "BN vs LN?"', 'prompt: { en: "Use `$HOME` or \\\\$5"')).errors, []);
  });

  it('reports YAML syntax errors with their position, and a file that is not a list', () => {
    const syntax = parse('- id: a/b\n  prompt: { en: "x"\n');
    assert.equal(syntax.cards.length, 0);
    assert.match(syntax.errors[0], /^content\/cards\/bn-vs-ln\.yaml: YAML syntax error at line \d+, column \d+: .+\. Fix: correct the YAML syntax there\.$/);
    assert.deepEqual(parse('id: a/b\n').errors, [
      `${FILE}: the file should be a list of cards. Fix: start each card with "- id: <topic>/<name>".`,
    ]);
    assert.match(parse('- 42\n').errors[0], /card #1: should be a mapping/);
  });

  it('rejects an id repeated across files', () => {
    const { cards, errors } = parseCardFiles([
      { fileName: 'a.yaml', text: GOOD },
      { fileName: 'b.yaml', text: GOOD },
    ]);
    assert.equal(cards.length, 3);
    assert.equal(errors.length, 3);
    assert.equal(errors[0], 'b.yaml: card id "bn-vs-ln/mc-momentum" is already used in a.yaml. Fix: rename one of them.');
  });

  it('turns a user-deck topic into a recall card', () => {
    const card = recallCardFromTopic({
      id: 'my-topic',
      question: { en: 'Q?', 'zh-cn': '问？' },
      answer: { en: 'A.', 'zh-cn': '答。' },
      checklist: { en: ['one'], 'zh-cn': ['一'] },
    });
    assert.deepEqual(card, {
      id: 'my-topic/recall',
      topic: 'my-topic',
      kind: 'recall',
      prompt: { en: 'Q?', 'zh-cn': '问？' },
      answer: { en: 'A.', 'zh-cn': '答。' },
      checklist: { en: ['one'], 'zh-cn': ['一'] },
    });
  });

  it('places each problem at the line of its field, or of its card', () => {
    const text = ['- id: bn-vs-ln/a', '  topic: bn-vs-ln', '  kind: recall', '  prompt: { en: "Q" }', '  answer: { en: "A" }', '  checklist: { en: ["x"] }', '  extra: 1', '- id: bn-vs-ln/b', '  topic: bn-vs-ln', '  kind: mc', '  prompt: { en: "Q" }', '  explanation: { en: "E" }'].join('\n');
    const result = parseCardFile({ fileName: FILE, text });
    assert.deepEqual(result.problems.map((problem) => problem.line), [6, 7]);
    assert.deepEqual(parseCardFile({ fileName: FILE, text: '- id: [' }).problems.map((problem) => problem.line), [0]);
  });
});
