import assert from 'node:assert/strict';
import { MarkdownEngine } from '../../../../src/content/core/markdownEngine';
import { fill, formatDateTime, renderQuizDocument, renderQuizMain } from '../../../../src/quiz/core/quizDocument';
import { parseQuizWebviewMessage } from '../../../../src/quiz/core/quizMessages';
import type { CardView } from '../../../../src/quiz/core/quizSession';
import { QuizScheduler, Rating } from '../../../../src/quiz/core/scheduler';
import { localTime } from './fixtures';
import { attr, elementsOf, hasClass, only, select, textOf, type Element } from './html';
import { codeItem, mcItem, recallItem } from './sessionFixtures';

const engine = new MarkdownEngine();
const now = localTime(10, 12);
const counts = { learning: 1, review: 2, new: 3, ahead: 0 };

/** What a button says and does: its text, action, key, autofocus, disabled, class and accessible name. */
function describeButton(button: Element) {
  return {
    text: textOf(button),
    action: attr(button, 'data-action'),
    key: attr(button, 'data-key'),
    autofocus: attr(button, 'data-autofocus') !== undefined,
    disabled: attr(button, 'disabled') !== undefined,
    primary: hasClass(button, 'primary'),
    label: attr(button, 'aria-label'),
  };
}

/** The card's header: topic, kind, reason (and its class) and counts. */
function describeMeta(html: string) {
  const meta = only(html, 'p.meta');
  return {
    topic: textOf(only(meta, 'span.topic')),
    kind: textOf(only(meta, 'span.kind')),
    reason: textOf(only(meta, 'span.reason')),
    reasonClass: attr(only(meta, 'span.reason'), 'class'),
    counts: textOf(only(meta, 'span.counts')),
  };
}

/** The rating buttons: rating, accessible name, autofocus, suggested. */
function describeRatings(html: string) {
  const group = only(html, 'div.ratings');
  assert.equal(attr(group, 'role'), 'group');
  return select(group, 'button[data-action=rate]').map((button) => ({
    rating: attr(button, 'data-rating'),
    key: attr(button, 'data-key'),
    label: attr(button, 'aria-label'),
    autofocus: attr(button, 'data-autofocus') !== undefined,
    suggested: hasClass(button, 'suggested'),
  }));
}

describe('quiz renderer', () => {
  it('renders an answered multiple-choice card: options in display order, the choice and the right answer marked, the explanation', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'card', item: mcItem, reason: 'new', phase: 'answered', counts, choice: { order: [2, 0, 1], chosen: 0, correctIndex: 1 }, rating: Rating.Again } }, engine);
    const article = only(html, 'article');
    assert.deepEqual([attr(article, 'class'), attr(article, 'lang'), attr(article, 'aria-labelledby')], ['card card-mc', 'en', 'prompt']);
    assert.deepEqual(describeMeta(html), { topic: 'Norms <&>', kind: 'Multiple choice', reason: 'New', reasonClass: 'reason reason-new', counts: '1 learning · 2 review · 3 new' });
    const prompt = only(html, 'div.prompt');
    assert.equal(attr(prompt, 'id'), 'prompt');
    assert.equal(textOf(only(prompt, 'em')), 'right', 'the prompt is Markdown');
    assert.equal(attr(only(html, 'ol.options'), 'aria-label'), 'Options');
    const options = select(html, 'button[data-action=choose]').map((button) => ({
      index: attr(button, 'data-index'),
      class: attr(button, 'class'),
      text: textOf(only(button, 'span.text')),
      keyLabel: attr(only(button, 'span.key'), 'aria-label'),
      badge: select(button, 'span.badge').map(textOf),
      disabled: attr(button, 'disabled') !== undefined,
      key: attr(button, 'data-key'),
      shortcut: attr(button, 'aria-keyshortcuts'),
    }));
    assert.deepEqual(options, [
      { index: '0', class: 'option wrong', text: 'Also wrong', keyLabel: 'Option 1', badge: ['✗ Your answer'], disabled: true, key: undefined, shortcut: '1' },
      { index: '1', class: 'option correct', text: 'Right', keyLabel: 'Option 2', badge: ['✓ Right answer'], disabled: true, key: undefined, shortcut: '2' },
      { index: '2', class: 'option', text: 'Wrong', keyLabel: 'Option 3', badge: [], disabled: true, key: undefined, shortcut: '3' },
    ]);
    const verdict = only(html, 'p.verdict');
    assert.deepEqual([attr(verdict, 'class'), attr(verdict, 'role'), textOf(verdict)], ['verdict verdict-wrong', 'status', '✗ Not quite']);
    const explanation = only(html, 'section.explanation');
    assert.deepEqual([textOf(only(explanation, 'h2')), textOf(only(explanation, 'p'))], ['Explanation', 'Because.']);
    assert.deepEqual(describeButton(only(html, 'button[data-action=next]')), {
      text: 'Continue', action: 'next', key: 'enter', autofocus: true, disabled: false, primary: true, label: 'Continue to the next card (Enter)',
    });
    assert.equal(select(html, '[data-autofocus]').length, 1, 'one control gets the focus');
  });

  it('renders a revealed recall card from an untrusted deck: escaped HTML, the checklist and four rating buttons with their intervals', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'card', item: recallItem, reason: 'review', phase: 'revealed', counts, previews: new QuizScheduler().preview(undefined, now) } }, engine);
    assert.equal(attr(only(html, 'article'), 'class'), 'card card-recall');
    assert.deepEqual(describeMeta(html), { topic: 'Norms <&>', kind: 'Recall', reason: 'Review', reasonClass: 'reason reason-review', counts: '1 learning · 2 review · 3 new' });
    assert.equal(textOf(only(html, 'div.prompt')), 'Explain <script>x</script>', 'shown as text');
    assert.deepEqual(select(html, 'script'), [], 'never as a script');
    const answer = only(html, 'section.answer');
    assert.deepEqual([textOf(only(answer, 'h2')), textOf(only(answer, 'p'))], ['Model answer', 'The answer.']);
    const checklist = only(html, 'section.checklist');
    assert.equal(textOf(only(checklist, 'h2')), 'What the interviewer listens for');
    assert.equal(textOf(only(checklist, 'p.hint')), 'Tick the points your answer covered; the rating is proposed from them.');
    assert.deepEqual(
      select(checklist, 'li').map((item) => {
        const box = only(item, 'input');
        return { type: attr(box, 'type'), index: attr(box, 'data-checklist'), id: attr(box, 'id'), checked: attr(box, 'checked') !== undefined, text: textOf(item) };
      }),
      [
        { type: 'checkbox', index: '0', id: 'check-0', checked: false, text: 'Point one' },
        { type: 'checkbox', index: '1', id: 'check-1', checked: false, text: 'Point two' },
      ],
    );
    assert.equal(attr(only(html, 'div.ratings'), 'aria-label'), 'How well did you recall it?');
    assert.deepEqual(describeRatings(html), [
      { rating: '1', key: '1', label: 'Again: next review in 1m (key 1)', autofocus: false, suggested: false },
      { rating: '2', key: '2', label: 'Hard: next review in 6m (key 2)', autofocus: false, suggested: false },
      { rating: '3', key: '3', label: 'Good: next review in 10m (key 3)', autofocus: true, suggested: false },
      { rating: '4', key: '4', label: 'Easy: next review in 8d (key 4)', autofocus: false, suggested: false },
    ]);
    assert.deepEqual(select(html, 'button.rating').map((button) => textOf(button)), ['1 Again 1m', '2 Hard 6m', '3 Good 10m', '4 Easy 8d']);
  });

  it('renders a failing code check in Chinese with each failing case and its reason, and no solution', () => {
    const html = renderQuizMain(
      {
        language: 'zh-cn',
        now,
        view: {
          kind: 'card',
          item: codeItem,
          reason: 'learning',
          phase: 'question',
          counts,
          checks: 1,
          codeGrade: { results: [{ name: 'x [1][4]', passed: true, reason: 'ok' }, { name: 'x <2>', passed: false, reason: 'output has shape [2], expected [3]' }], passedCount: 1, language: 'py', proposed: Rating.Again },
        },
      },
      engine,
    );
    const article = only(html, 'article');
    assert.deepEqual([attr(article, 'class'), attr(article, 'lang')], ['card card-code', 'zh-CN']);
    assert.deepEqual(describeMeta(html), { topic: 'Norms <&>（中）', kind: '编程题', reason: '学习中', reasonClass: 'reason reason-learning', counts: '学习中 1 · 复习 2 · 新卡 3' });
    assert.equal(textOf(only(html, 'div.prompt')), 'Implement it.（中）');
    assert.equal(textOf(only(html, 'p.exercise')), '用 Python 或 TypeScript 开始（你的解答文件会在测验旁打开），实现它，然后点“检查”，用 PyTorch 算出的数值检查每个用例。');
    assert.deepEqual(select(only(html, 'p.actions'), 'button').map(describeButton), [
      { text: '用 Python 开始', action: 'openStarter', key: '1', autofocus: false, disabled: false, primary: false, label: '打开你在这道题上的 Python 解答（第一次为初始代码）' },
      { text: '用 TypeScript 开始', action: 'openStarter', key: '2', autofocus: false, disabled: false, primary: false, label: '打开你在这道题上的 TypeScript 解答（第一次为初始代码）' },
      { text: '检查', action: 'checkCode', key: '3', autofocus: true, disabled: false, primary: true, label: '用全部用例检查你的解答' },
      { text: '跳过', action: 'skip', key: '4', autofocus: false, disabled: false, primary: false, label: '暂时跳过这道题' },
      { text: '查看答案', action: 'showSolution', key: undefined, autofocus: false, disabled: false, primary: false, label: '查看参考解答；这算作一次遗忘（记为“重来”）' },
    ]);
    assert.deepEqual(select(only(html, 'p.actions'), 'button[data-action=openStarter]').map((button) => attr(button, 'data-language')), ['py', 'ts']);
    const results = only(html, 'section.results');
    assert.equal(attr(results, 'aria-label'), '测试结果');
    assert.equal(textOf(only(results, 'h2')), '测试结果 (Python): 2 个用例中通过 1 个');
    assert.deepEqual(
      select(results, 'li').map((row) => ({ class: attr(row, 'class'), status: textOf(only(row, 'span.status')), name: textOf(only(row, 'span.case')), reason: select(row, 'div.reason').map(textOf) })),
      [
        { class: 'pass', status: '✓ 通过', name: 'x [1][4]', reason: [] },
        { class: 'fail', status: '✗ 失败', name: 'x <2>', reason: ['output has shape [2], expected [3]'] },
      ],
    );
    const verdict = only(results, 'p.verdict');
    assert.deepEqual([attr(verdict, 'class'), attr(verdict, 'role'), textOf(verdict)], ['verdict verdict-wrong', 'status', '有用例失败：修改代码后再次检查。通过或查看答案之前不会评分。']);
    assert.deepEqual(select(html, 'section.solution'), [], 'a failing check does not show the solution');
    assert.doesNotMatch(html, /Normalize rows/);
  });

  it('renders a passed code exercise with its solution and the proposed rating for the user to choose', () => {
    const view: CardView = {
      kind: 'card',
      item: codeItem,
      reason: 'new',
      phase: 'passed',
      counts,
      checks: 2,
      proposed: Rating.Hard,
      previews: new QuizScheduler().preview(undefined, now),
      codeGrade: { results: [{ name: 'x [1][4]', passed: true, reason: 'ok' }], passedCount: 1, language: 'py', proposed: Rating.Hard },
    };
    const html = renderQuizMain({ language: 'en', now, view }, engine);
    const verdict = only(html, 'p.verdict');
    assert.deepEqual([attr(verdict, 'class'), attr(verdict, 'role'), textOf(verdict)], ['verdict verdict-correct', 'status', 'All cases pass. Hard is proposed from your checks and hints: rate how hard it was.']);
    const solution = only(html, 'section.solution');
    assert.ok(hasClass(solution, 'explanation'));
    assert.deepEqual([textOf(only(solution, 'h2')), textOf(only(solution, 'p'))], ['Solution', 'Normalize rows.']);
    assert.deepEqual(describeRatings(html), [
      { rating: '1', key: '1', label: 'Again: next review in 1m (key 1)', autofocus: false, suggested: false },
      { rating: '2', key: '2', label: 'Hard: next review in 6m (key 2) (suggested)', autofocus: true, suggested: true },
      { rating: '3', key: '3', label: 'Good: next review in 10m (key 3)', autofocus: false, suggested: false },
      { rating: '4', key: '4', label: 'Easy: next review in 8d (key 4)', autofocus: false, suggested: false },
    ]);
    assert.equal(textOf(only(html, 'span.suggested-badge')), 'suggested');
    const check = only(html, 'button[data-action=checkCode]');
    assert.deepEqual([attr(check, 'data-key'), attr(check, 'disabled') !== undefined], [undefined, true], 'keys 1–4 rate once the exercise passed');
    assert.deepEqual(select(html, 'button[data-action=next]').concat(select(html, 'button[data-action=showSolution]')), []);
    const shown = renderQuizMain({ language: 'en', now, view: { ...view, phase: 'solution', proposed: undefined, previews: undefined, canUndo: true } satisfies CardView }, engine);
    assert.equal(textOf(only(shown, 'p.verdict')), 'Solution shown: rated Again. The card comes back soon.');
    assert.equal(textOf(only(only(shown, 'section.solution'), 'h2')), 'Solution');
    assert.equal(describeButton(only(shown, 'button[data-action=next]')).autofocus, true);
    const undo = only(only(shown, 'p.undo'), 'button');
    assert.deepEqual([attr(undo, 'class'), attr(undo, 'data-action'), attr(undo, 'data-key'), attr(undo, 'aria-keyshortcuts'), textOf(undo)], ['secondary', 'undo', 'undo', 'Control+Z Meta+Z', '↶ Undo last rating']);
  });

  it('renders the empty state with the next due time and Practise ahead', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'empty', nextDueAt: localTime(10, 14, 30), answered: 3, canPractiseAhead: true, practisingAhead: false } }, engine);
    const section = only(html, 'section.empty');
    const heading = only(section, 'h1');
    assert.deepEqual([textOf(heading), attr(heading, 'tabindex'), attr(heading, 'data-autofocus')], ['Nothing is due right now', '-1', '']);
    assert.deepEqual(select(section, 'p').map(textOf), ['You answered 3 cards in this session.', 'The next card is due in 2.5h (2025-01-10 14:30).', 'Practise ahead']);
    assert.ok(hasClass(select(section, 'p')[1], 'next-due'));
    assert.deepEqual(describeButton(only(section, 'button')), {
      text: 'Practise ahead', action: 'practiseAhead', key: 'enter', autofocus: false, disabled: false, primary: true, label: 'Review cards before they are due',
    });
  });

  it('renders the document: CSP with the nonce, escaped state and title, the toolbar and the script', () => {
    const html = renderQuizDocument(
      { language: 'en', now, topicKey: 'builtin/a', topicTitle: 'Norms "x"', view: { kind: 'empty', answered: 0, canPractiseAhead: false, practisingAhead: false } },
      { cspSource: 'https://csp.example', nonce: 'NONCE123', script: 'quiz();', styles: ['.quiz {}'], katex: { rules: '.katex {}', fontFaces: '@font-face {}' } },
      engine,
    );
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    const elements = elementsOf(html);
    const csp = elements.find((element) => attr(element, 'http-equiv') === 'Content-Security-Policy');
    // Written out rather than computed by the code under test, so a change to the policy shows here.
    assert.equal(
      csp && attr(csp, 'content'),
      "default-src 'none'; style-src https://csp.example 'nonce-NONCE123'; style-src-elem https://csp.example 'nonce-NONCE123'; style-src-attr 'unsafe-inline'; font-src https://csp.example; img-src https://csp.example; script-src 'nonce-NONCE123'",
    );
    assert.deepEqual(select(html, 'link'), []);
    // KaTeX's styles even on a card without math: later cards replace <main> by message. Its fonts wait for the page.
    assert.deepEqual(
      select(html, 'style').map((style) => [attr(style, 'nonce'), attr(style, 'media'), attr(style, 'data-deferred-fonts'), textOf(style)]),
      [
        ['NONCE123', undefined, undefined, '.katex {}'],
        ['NONCE123', undefined, undefined, '.quiz {}'],
        ['NONCE123', 'not all', '', '@font-face {}'],
      ],
    );
    assert.equal(textOf(only(html, 'title')), 'Quiz — Topic: Norms "x"');
    const body = only(html, 'body');
    assert.deepEqual(JSON.parse(attr(body, 'data-state') ?? ''), { topicKey: 'builtin/a', language: 'en', focus: false });
    const toolbar = only(html, 'header.toolbar');
    assert.deepEqual([attr(toolbar, 'role'), attr(toolbar, 'aria-label'), textOf(only(toolbar, 'span.scope'))], ['toolbar', 'Quiz actions', 'Topic: Norms "x"']);
    assert.deepEqual(
      select(toolbar, 'button').map((button) => [attr(button, 'data-action'), attr(button, 'data-language'), attr(button, 'aria-label'), textOf(button)]),
      [
        ['showProgress', undefined, 'Show progress', 'Progress'],
        ['setLanguage', 'zh-cn', 'Show the quiz in Chinese', '中文'],
      ],
    );
    const main = only(html, 'main');
    assert.deepEqual([attr(main, 'id'), attr(main, 'aria-live')], ['quiz', 'polite']);
    assert.deepEqual(select(main, 'p').map(textOf), ['No card is scheduled yet.']);
    assert.equal(textOf(only(html, 'footer.keys')), 'Keys: 1–4 choose or rate · Space show answer · Enter continue · Ctrl+Z undo');
    const scripts = select(html, 'script');
    assert.deepEqual(scripts.map((script) => [attr(script, 'nonce'), attr(script, 'src'), textOf(script)]), [['NONCE123', undefined, 'quiz();']]);
    const order = elements.map((element) => element.tagName).filter((tag) => ['header', 'main', 'footer', 'script'].includes(tag));
    assert.deepEqual(order, ['header', 'main', 'footer', 'script'], 'the script comes after the content');
  });

  it('fills placeholders and formats dates the same in every locale', () => {
    assert.equal(fill('{1} of {0}, {2}', 'a', 2), '2 of a, {2}');
    assert.equal(formatDateTime(localTime(3, 9, 5)), '2025-01-03 09:05');
  });

  it('accepts the webview messages it knows and ignores the rest', () => {
    assert.deepEqual(parseQuizWebviewMessage({ type: 'choose', index: 2 }), { type: 'choose', index: 2 });
    assert.deepEqual(parseQuizWebviewMessage({ type: 'rate', rating: 4 }), { type: 'rate', rating: 4 });
    assert.equal(parseQuizWebviewMessage({ type: 'rate', rating: 5 }), undefined);
    assert.equal(parseQuizWebviewMessage({ type: 'choose', index: -1 }), undefined);
    assert.equal(parseQuizWebviewMessage({ type: 'reveal', extra: 1 }), undefined);
    assert.equal(parseQuizWebviewMessage({ type: 'eval', code: 'x' }), undefined);
    assert.equal(parseQuizWebviewMessage('next'), undefined);
  });
});
