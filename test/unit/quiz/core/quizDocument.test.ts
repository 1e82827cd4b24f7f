import assert from 'node:assert/strict';
import { MarkdownEngine } from '../../../../src/content/core/markdownEngine';
import { fill, formatDateTime, renderQuizDocument, renderQuizMain } from '../../../../src/quiz/core/quizDocument';
import { parseQuizWebviewMessage } from '../../../../src/quiz/core/quizMessages';
import type { CardView } from '../../../../src/quiz/core/quizSession';
import { QuizScheduler, Rating } from '../../../../src/quiz/core/scheduler';
import { localTime } from './fixtures';
import { codeItem, mcItem, recallItem } from './sessionFixtures';

const engine = new MarkdownEngine();
const now = localTime(10, 12);
const counts = { learning: 1, review: 2, new: 3, ahead: 0 };

describe('quiz renderer', () => {
  it('renders an answered multiple-choice card: options in display order, the choice and the right answer marked, the explanation', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'card', item: mcItem, reason: 'new', phase: 'answered', counts, choice: { order: [2, 0, 1], chosen: 0, correctIndex: 1 }, rating: Rating.Again } }, engine);
    assert.equal(
      html,
      "<article class=\"card card-mc\" lang=\"en\" aria-labelledby=\"prompt\"><p class=\"meta\"><span class=\"topic\">Norms &lt;&amp;&gt;</span> · <span class=\"kind\">Multiple choice</span> · <span class=\"reason reason-new\">New</span><span class=\"counts\">1 learning · 2 review · 3 new</span></p><div class=\"prompt\" id=\"prompt\"><p>Which is <em>right</em>?</p>\n" +
      "</div><ol class=\"options\" aria-label=\"Options\"><li><button type=\"button\" class=\"option wrong\" data-action=\"choose\" data-index=\"0\" disabled aria-keyshortcuts=\"1\" aria-labelledby=\"option-1-key option-1-text\"><span class=\"key\" id=\"option-1-key\" aria-label=\"Option 1\">1</span><span class=\"text\" id=\"option-1-text\">Also wrong</span><span class=\"badge badge-wrong\">✗ Your answer</span></button></li><li><button type=\"button\" class=\"option correct\" data-action=\"choose\" data-index=\"1\" disabled aria-keyshortcuts=\"2\" aria-labelledby=\"option-2-key option-2-text\"><span class=\"key\" id=\"option-2-key\" aria-label=\"Option 2\">2</span><span class=\"text\" id=\"option-2-text\">Right</span><span class=\"badge badge-correct\">✓ Right answer</span></button></li><li><button type=\"button\" class=\"option\" data-action=\"choose\" data-index=\"2\" disabled aria-keyshortcuts=\"3\" aria-labelledby=\"option-3-key option-3-text\"><span class=\"key\" id=\"option-3-key\" aria-label=\"Option 3\">3</span><span class=\"text\" id=\"option-3-text\">Wrong <b></span></button></li></ol><p class=\"verdict verdict-wrong\" role=\"status\">✗ Not quite</p><section class=\"explanation\"><h2>Explanation</h2><p>Because.</p>\n" +
      "</section><p class=\"actions\"><button type=\"button\" class=\"primary\" data-action=\"next\" data-key=\"enter\" data-autofocus aria-label=\"Continue to the next card (Enter)\">Continue</button></p></article>",
    );
  });

  it('renders a revealed recall card from an untrusted deck: escaped HTML, the checklist and four rating buttons with their intervals', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'card', item: recallItem, reason: 'review', phase: 'revealed', counts, previews: new QuizScheduler().preview(undefined, now) } }, engine);
    assert.equal(
      html,
      "<article class=\"card card-recall\" lang=\"en\" aria-labelledby=\"prompt\"><p class=\"meta\"><span class=\"topic\">Norms &lt;&amp;&gt;</span> · <span class=\"kind\">Recall</span> · <span class=\"reason reason-review\">Review</span><span class=\"counts\">1 learning · 2 review · 3 new</span></p><div class=\"prompt\" id=\"prompt\"><p>Explain &lt;script&gt;x&lt;/script&gt;</p>\n" +
      "</div><section class=\"answer\"><h2>Model answer</h2><p>The answer.</p>\n" +
      "</section><section class=\"checklist\"><h2>What the interviewer listens for</h2><p class=\"hint\">Tick the points your answer covered; the rating is proposed from them.</p><ul><li><label><input type=\"checkbox\" data-checklist=\"0\" id=\"check-0\"> <span>Point one</span></label></li><li><label><input type=\"checkbox\" data-checklist=\"1\" id=\"check-1\"> <span>Point two</span></label></li></ul></section><div class=\"ratings\" role=\"group\" aria-label=\"How well did you recall it?\"><p class=\"label\">How well did you recall it?</p><button type=\"button\" class=\"rating rating-1\" data-action=\"rate\" data-rating=\"1\" data-key=\"1\" aria-keyshortcuts=\"1\" aria-label=\"Again: next review in 1m (key 1)\"><span class=\"key\" aria-hidden=\"true\">1</span> <span class=\"name\">Again</span> <span class=\"interval\">1m</span></button><button type=\"button\" class=\"rating rating-2\" data-action=\"rate\" data-rating=\"2\" data-key=\"2\" aria-keyshortcuts=\"2\" aria-label=\"Hard: next review in 6m (key 2)\"><span class=\"key\" aria-hidden=\"true\">2</span> <span class=\"name\">Hard</span> <span class=\"interval\">6m</span></button><button type=\"button\" class=\"rating rating-3\" data-action=\"rate\" data-rating=\"3\" data-key=\"3\" data-autofocus aria-keyshortcuts=\"3\" aria-label=\"Good: next review in 10m (key 3)\"><span class=\"key\" aria-hidden=\"true\">3</span> <span class=\"name\">Good</span> <span class=\"interval\">10m</span></button><button type=\"button\" class=\"rating rating-4\" data-action=\"rate\" data-rating=\"4\" data-key=\"4\" aria-keyshortcuts=\"4\" aria-label=\"Easy: next review in 8d (key 4)\"><span class=\"key\" aria-hidden=\"true\">4</span> <span class=\"name\">Easy</span> <span class=\"interval\">8d</span></button></div></article>",
    );
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
          codeGrade: { results: [{ name: 'x [1][4]', passed: true, reason: 'ok' }, { name: 'x <2>', passed: false, reason: 'output has shape [2], expected [3]' }], passedCount: 1, rating: Rating.Again },
        },
      },
      engine,
    );
    assert.equal(
      html,
      "<article class=\"card card-code\" lang=\"zh-CN\" aria-labelledby=\"prompt\"><p class=\"meta\"><span class=\"topic\">Norms &lt;&amp;&gt;（中）</span> · <span class=\"kind\">编程练习</span> · <span class=\"reason reason-learning\">学习中</span><span class=\"counts\">学习中 1 · 复习 2 · 新卡 3</span></p><div class=\"prompt\" id=\"prompt\"><p>Implement it.（中）</p>\n" +
      "</div><p class=\"exercise\"><code>layernorm.exercise.ts</code> — 打开起始代码，完成 TODO，然后点“检查”，用 PyTorch 算出的数值测试你的代码。</p><p class=\"actions\"><button type=\"button\" data-action=\"openStarter\" data-key=\"1\" aria-keyshortcuts=\"1\" aria-label=\"在新的未命名编辑器中打开起始代码\">打开起始代码</button><button type=\"button\" class=\"primary\" data-action=\"checkCode\" data-key=\"2\" aria-keyshortcuts=\"2\" data-autofocus aria-label=\"用测试用例运行编辑器中的代码\">检查</button><button type=\"button\" data-action=\"skip\" data-key=\"3\" aria-keyshortcuts=\"3\" aria-label=\"暂时跳过这道练习\">跳过</button><button type=\"button\" data-action=\"showSolution\" data-key=\"4\" aria-keyshortcuts=\"4\" aria-label=\"查看参考答案；这算作一次遗忘（记为“重来”）\">查看答案</button></p><section class=\"results\" aria-label=\"测试结果\"><h2>测试结果: 2 个用例中通过 1 个</h2><ul><li class=\"pass\"><span class=\"status\">✓ 通过</span> <span class=\"case\">x [1][4]</span></li><li class=\"fail\"><span class=\"status\">✗ 失败</span> <span class=\"case\">x &lt;2&gt;</span><div class=\"reason\">output has shape [2], expected [3]</div></li></ul><p class=\"verdict verdict-wrong\" role=\"status\">有用例失败：修改代码后再次检查。通过或查看答案之前不会评分。</p></section></article>",
    );
    assert.doesNotMatch(html, /Normalize rows/, 'a failing check does not show the solution');
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
      codeGrade: { results: [{ name: 'x [1][4]', passed: true, reason: 'ok' }], passedCount: 1, rating: Rating.Good },
    };
    const html = renderQuizMain({ language: 'en', now, view }, engine);
    assert.match(html, /<p class="verdict verdict-correct" role="status">All cases pass. Hard is proposed: rate how hard it was.<\/p>/);
    assert.match(html, /<section class="explanation solution"><h2>Solution<\/h2><p>Normalize rows.<\/p>/);
    assert.match(html, /<button type="button" class="rating rating-2 suggested" data-action="rate" data-rating="2" data-key="2" data-autofocus aria-keyshortcuts="2" aria-label="Hard: next review in 6m \(key 2\) \(suggested\)">/);
    assert.equal(html.match(/data-action="rate"/g)?.length, 4, 'all four ratings are offered');
    assert.doesNotMatch(html, /data-action="checkCode" data-key/, 'keys 1–4 rate once the exercise passed');
    assert.doesNotMatch(html, /data-action="(next|showSolution)"/);
    const solution = renderQuizMain({ language: 'en', now, view: { ...view, phase: 'solution', proposed: undefined, previews: undefined, canUndo: true } satisfies CardView }, engine);
    assert.match(solution, /Solution shown: rated Again\./);
    assert.match(solution, /data-action="next"/);
    assert.match(solution, /<p class="undo"><button type="button" class="secondary" data-action="undo" data-key="undo"/);
  });

  it('renders the empty state with the next due time and Practise ahead', () => {
    const html = renderQuizMain({ language: 'en', now, view: { kind: 'empty', nextDueAt: localTime(10, 14, 30), answered: 3, canPractiseAhead: true, practisingAhead: false } }, engine);
    assert.equal(
      html,
      "<section class=\"empty\"><h1 tabindex=\"-1\" data-autofocus>Nothing is due right now</h1><p>You answered 3 cards in this session.</p><p class=\"next-due\">The next card is due in 2.5h (2025-01-10 14:30).</p><p><button type=\"button\" class=\"primary\" data-action=\"practiseAhead\" data-key=\"enter\" aria-label=\"Review cards before they are due\">Practise ahead</button></p></section>",
    );
  });

  it('renders the document: CSP with the nonce, escaped state and title, the toolbar and the script', () => {
    const html = renderQuizDocument(
      { language: 'en', now, topicKey: 'builtin/a', topicTitle: 'Norms "x"', view: { kind: 'empty', answered: 0, canPractiseAhead: false, practisingAhead: false } },
      { cspSource: 'https://csp.example', nonce: 'NONCE123', scriptUri: 'https://x/quiz.js', styleUris: ['https://x/quiz.css'] },
      engine,
    );
    assert.equal(
      html,
      "<!DOCTYPE html>\n" +
      "<html lang=\"en\">\n" +
      "<head>\n" +
      "<meta charset=\"UTF-8\">\n" +
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src https://csp.example; style-src-elem https://csp.example; style-src-attr &#39;unsafe-inline&#39;; font-src https://csp.example; img-src https://csp.example; script-src &#39;nonce-NONCE123&#39;\">\n" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n" +
      "<link rel=\"stylesheet\" href=\"https://x/quiz.css\">\n" +
      "<title>Quiz — Topic: Norms &quot;x&quot;</title>\n" +
      "</head>\n" +
      "<body data-state=\"{&quot;topicKey&quot;:&quot;builtin/a&quot;,&quot;language&quot;:&quot;en&quot;,&quot;focus&quot;:false}\">\n" +
      "<header class=\"toolbar\" role=\"toolbar\" aria-label=\"Quiz actions\"><span class=\"scope\">Topic: Norms &quot;x&quot;</span><span class=\"spacer\"></span><button type=\"button\" data-action=\"showProgress\" aria-label=\"Show progress\">Progress</button><button type=\"button\" data-action=\"setLanguage\" data-language=\"zh-cn\" aria-label=\"Show the quiz in Chinese\" title=\"Show the quiz in Chinese\">中文</button></header>\n" +
      "<main id=\"quiz\" aria-live=\"polite\"><section class=\"empty\"><h1 tabindex=\"-1\" data-autofocus>Nothing is due right now</h1><p class=\"next-due\">No card is scheduled yet.</p></section></main>\n" +
      "<footer class=\"keys\">Keys: 1–4 choose or rate · Space show answer · Enter continue · Ctrl+Z undo</footer>\n" +
      "<script nonce=\"NONCE123\" src=\"https://x/quiz.js\"></script>\n" +
      "</body>\n" +
      "</html>",
    );
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
