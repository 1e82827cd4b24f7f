// The problem panel's HTML, read back with parse5 (the HTML5 parsing algorithm browsers use): assertions are about
// the DOM a webview would build, not about the exact markup.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { MarkdownEngine } from '../../../../src/content/core/markdownEngine';
import { renderProblemArticle, renderProblemDocument, type ProblemViewModel } from '../../../../src/problems/core/problemDocument';
import { loadProblem, type Problem } from '../../../../src/problems/core/problemLoader';
import { applyEvent, emptyRecord, type ProblemEvent, type ProblemRecord } from '../../../../src/problems/core/problemProgress';
import type { WebviewResources } from '../../../../src/webview/core/webviewShell';
import { PROBLEMS_DIR } from '../helpers';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const CSP_SOURCE = 'https://webview.test';
const NONCE = 'cHJvYmxlbS1ub25jZS0xMjM=';
const RESOURCES: WebviewResources = {
  cspSource: CSP_SOURCE,
  nonce: NONCE,
  script: 'problemPage();',
  styles: ['.problem {}'],
  katex: { rules: '.katex {}', fontFaces: `@font-face{src:url(${CSP_SOURCE}/dist/webview/katex/fonts/KaTeX_Main-Regular.woff2)}` },
};
/** Written out rather than computed by the code under test, so a change to the policy shows here. */
const EXPECTED_CSP =
  "default-src 'none'; style-src https://webview.test 'nonce-cHJvYmxlbS1ub25jZS0xMjM='; style-src-elem https://webview.test 'nonce-cHJvYmxlbS1ub25jZS0xMjM='; " +
  "style-src-attr 'unsafe-inline'; font-src https://webview.test; img-src https://webview.test; script-src 'nonce-cHJvYmxlbS1ub25jZS0xMjM='";

const engine = new MarkdownEngine();

function elementsOf(root: Node): Element[] {
  const elements: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit(node.content);
  };
  visit(root);
  return elements;
}

const documentElements = (html: string) => elementsOf(parse(html));
const articleElements = (html: string) => elementsOf(parseFragment(html));
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const hasClass = (element: Element, name: string) => (attr(element, 'class') ?? '').split(/\s+/).includes(name);
const textOf = (node: Node): string => (node.nodeName === '#text' && 'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const tagged = (elements: Element[], tag: string) => elements.filter((e) => e.tagName === tag);
const buttons = (elements: Element[], action: string) => tagged(elements, 'button').filter((e) => attr(e, 'data-action') === action);

/** The one element of `tag` with class `name`. */
function section(elements: Element[], tag: string, name: string): Element {
  const found = tagged(elements, tag).filter((e) => hasClass(e, name));
  assert.equal(found.length, 1, `one <${tag} class="${name}">`);
  return found[0];
}

let softmax: Problem;
let solutions: ProblemViewModel['solutions'];

before(async () => {
  const loaded = await loadProblem(path.join(PROBLEMS_DIR, 'softmax'), true);
  assert.ok('problem' in loaded, JSON.stringify(loaded));
  softmax = loaded.problem;
  solutions = { py: fs.readFileSync(softmax.files.solutionPy, 'utf8'), ts: fs.readFileSync(softmax.files.solutionTs, 'utf8') };
});

const recordOf = (...events: ProblemEvent[]): ProblemRecord => events.reduce(applyEvent, emptyRecord());

function model(overrides: Partial<ProblemViewModel> = {}): ProblemViewModel {
  return {
    problemKey: 'builtin:softmax',
    problem: softmax,
    language: 'en',
    trust: 'trusted',
    deckLabel: 'Built-in',
    status: 'new',
    attempts: { ts: false, py: false },
    topics: [],
    ...overrides,
  };
}

describe('problems/core/problemDocument', () => {
  describe('the document', () => {
    it('is locked down by the CSP, runs only our script by nonce, and carries its state', () => {
      const elements = documentElements(renderProblemDocument(model(), RESOURCES, engine));
      const policies = tagged(elements, 'meta').filter((e) => attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      assert.equal(policies.length, 1);
      assert.equal(attr(policies[0], 'content'), EXPECTED_CSP);
      const scripts = tagged(elements, 'script');
      assert.equal(scripts.length, 1);
      assert.deepEqual(scripts[0].attrs, [{ name: 'nonce', value: NONCE }]);
      assert.equal(textOf(scripts[0]), RESOURCES.script);
      assert.deepEqual(tagged(elements, 'link'), []);
      // Softmax's statement has math: KaTeX's rules, the page's sheet, then KaTeX's fonts, switched on after loading.
      assert.deepEqual(
        tagged(elements, 'style').map((e) => [e.attrs, textOf(e)]),
        [
          [[{ name: 'nonce', value: NONCE }], '.katex {}'],
          [[{ name: 'nonce', value: NONCE }], '.problem {}'],
          [[{ name: 'nonce', value: NONCE }, { name: 'media', value: 'not all' }, { name: 'data-deferred-fonts', value: '' }], RESOURCES.katex?.fontFaces],
        ],
      );
      const [body] = tagged(elements, 'body');
      assert.deepEqual(JSON.parse(attr(body, 'data-state') ?? ''), { problemKey: 'builtin:softmax', language: 'en' });
      assert.equal(attr(tagged(elements, 'html')[0], 'lang'), 'en');
      assert.equal(textOf(tagged(elements, 'title')[0]), 'Row-wise softmax');
      assert.equal(tagged(elements, 'main').length, 1);
      assert.equal(tagged(elements, 'article').length, 1);
    });

    it('has a toolbar with the deck and the switch to the other language', () => {
      const elements = documentElements(renderProblemDocument(model({ deckLabel: 'My <deck>' }), RESOURCES, engine));
      const toolbar = section(elements, 'header', 'toolbar');
      assert.equal(attr(toolbar, 'role'), 'toolbar');
      assert.equal(textOf(section(elementsOf(toolbar), 'span', 'deck')), 'My <deck>');
      const [toggle] = buttons(elementsOf(toolbar), 'setLanguage');
      assert.equal(attr(toggle, 'data-language'), 'zh-cn');
      assert.equal(textOf(toggle), '中文');
    });
  });

  describe('the article', () => {
    it('shows the title, difficulty, status and tags, the statement, both signatures and the complexity', () => {
      const elements = articleElements(renderProblemArticle(model({ status: 'attempted' }), engine));
      assert.equal(attr(tagged(elements, 'article')[0], 'lang'), 'en');
      assert.deepEqual(tagged(elements, 'h1').map(textOf), ['Row-wise softmax']);
      assert.equal(textOf(section(elements, 'span', 'difficulty')), 'Easy');
      assert.ok(hasClass(section(elements, 'span', 'difficulty'), 'easy'));
      assert.equal(textOf(section(elements, 'span', 'status')), 'Attempted');
      assert.ok(hasClass(section(elements, 'span', 'status'), 'attempted'));
      assert.deepEqual(elementsOf(section(elements, 'span', 'tags')).filter((e) => hasClass(e, 'tag')).map(textOf), ['activation', 'numerics']);
      assert.match(textOf(section(elements, 'div', 'statement')), /^Given a 2-D array x of shape/);
      const signature = elementsOf(section(elements, 'section', 'signature'));
      assert.deepEqual(tagged(signature, 'code').map((e) => [attr(e, 'class'), textOf(e)]), [
        ['language-typescript', 'softmax(x: number[][]): number[][]'],
        ['language-python', 'softmax(x: np.ndarray) -> np.ndarray'],
      ]);
      assert.equal(textOf(tagged(elementsOf(section(elements, 'section', 'complexity')), 'p')[0]), 'O(n·d) time and memory');
    });

    it('offers Start in Python and in TypeScript, and no Check or Reset without an attempt', () => {
      const elements = articleElements(renderProblemArticle(model(), engine));
      const start = buttons(elements, 'start');
      assert.deepEqual(start.map((e) => [attr(e, 'data-language'), textOf(e), attr(e, 'class')]), [
        ['py', 'Start in Python', 'primary'],
        ['ts', 'Start in TypeScript', undefined],
      ]);
      assert.deepEqual(buttons(elements, 'check'), []);
      assert.deepEqual(buttons(elements, 'reset'), []);
      assert.deepEqual(tagged(elements, 'p').filter((e) => hasClass(e, 'last-check')), []);
    });

    it('opens an existing attempt and offers Check and Reset for that language only', () => {
      const elements = articleElements(renderProblemArticle(model({ attempts: { py: true, ts: false } }), engine));
      assert.deepEqual(buttons(elements, 'start').map((e) => [attr(e, 'data-language'), textOf(e)]), [
        ['py', 'Open my Python attempt'],
        ['ts', 'Start in TypeScript'],
      ]);
      assert.deepEqual(buttons(elements, 'check').map((e) => [attr(e, 'data-language'), textOf(e)]), [['py', 'Check Python']]);
      assert.deepEqual(buttons(elements, 'reset').map((e) => [attr(e, 'data-language'), textOf(e)]), [['py', 'Reset Python to starter…']]);
      const both = articleElements(renderProblemArticle(model({ attempts: { py: true, ts: true } }), engine));
      assert.deepEqual(buttons(both, 'check').map((e) => attr(e, 'data-language')), ['py', 'ts']);
      assert.deepEqual(buttons(both, 'reset').map((e) => attr(e, 'data-language')), ['py', 'ts']);
    });

    it('reports the last check and the number of checks', () => {
      const record = recordOf(
        { kind: 'checked', at: new Date('2025-03-01T10:00:00Z'), language: 'ts', passed: 1, total: 4 },
        { kind: 'checked', at: new Date('2025-03-01T10:01:00Z'), language: 'py', passed: 2, total: 4 },
      );
      const failed = section(articleElements(renderProblemArticle(model({ record, status: 'attempted' }), engine)), 'p', 'last-check');
      assert.ok(hasClass(failed, 'failed'));
      assert.equal(attr(failed, 'role'), 'status');
      assert.equal(textOf(failed), 'Last check (Python): 2 of 4 cases passed. 2 checks so far.');
      const solved = applyEvent(record, { kind: 'checked', at: new Date('2025-03-01T10:02:00Z'), language: 'ts', passed: 4, total: 4 });
      const passed = section(articleElements(renderProblemArticle(model({ record: solved, status: 'solved' }), engine)), 'p', 'last-check');
      assert.ok(hasClass(passed, 'passed'));
      assert.equal(textOf(passed), 'Last check (TypeScript): 4 of 4 cases passed. 3 checks so far.');
    });

    it('lists the related topics as buttons that open them', () => {
      const topics = [
        { key: 'builtin:self-attention', title: 'Self-attention' },
        { key: 'builtin:loss-functions', title: 'Loss functions' },
      ];
      const elements = articleElements(renderProblemArticle(model({ topics }), engine));
      const related = elementsOf(section(elements, 'section', 'related'));
      assert.deepEqual(buttons(related, 'openTopic').map((e) => [attr(e, 'data-topic-key'), textOf(e)]), [
        ['builtin:self-attention', 'Self-attention'],
        ['builtin:loss-functions', 'Loss functions'],
      ]);
      assert.deepEqual(tagged(articleElements(renderProblemArticle(model(), engine)), 'section').filter((e) => hasClass(e, 'related')), []);
    });
  });

  describe('hints', () => {
    const hintsOf = (record: ProblemRecord | undefined) => elementsOf(section(articleElements(renderProblemArticle(model({ record }), engine)), 'section', 'hints'));

    it('shows none at first, and one button for hint 1 of 3', () => {
      for (const record of [undefined, emptyRecord()]) {
        const hints = hintsOf(record);
        assert.deepEqual(tagged(hints, 'li'), []);
        assert.deepEqual(buttons(hints, 'revealHint').map(textOf), ['Show hint 1 of 3']);
        assert.equal(tagged(hints, 'button').length, 1);
      }
    });

    it('shows the revealed hints in order and offers the next', () => {
      const hints = hintsOf(recordOf({ kind: 'hint', revealed: 2 }));
      const items = tagged(hints, 'li');
      assert.deepEqual(items.map((e) => attr(e, 'data-hint')), ['1', '2']);
      assert.deepEqual(items.map(textOf), softmax.hints.en?.slice(0, 2));
      assert.deepEqual(buttons(hints, 'revealHint').map(textOf), ['Show hint 3 of 3']);
    });

    it('says when every hint is shown, and never shows more than there are', () => {
      for (const revealed of [3, 7]) {
        const hints = hintsOf({ ...emptyRecord(), hints: revealed });
        assert.deepEqual(tagged(hints, 'li').map(textOf), softmax.hints.en);
        assert.deepEqual(buttons(hints, 'revealHint'), []);
        assert.equal(textOf(section(hints, 'p', 'hint-note')), 'All hints shown.');
      }
    });
  });

  describe('the solution', () => {
    it('is locked without solutions, with a button to show it now', () => {
      const solution = section(articleElements(renderProblemArticle(model(), engine)), 'section', 'solution');
      assert.ok(hasClass(solution, 'locked'));
      const inside = elementsOf(solution);
      assert.deepEqual(buttons(inside, 'showSolution').map(textOf), ['Show the solution now (counts as not solved)…']);
      assert.deepEqual(tagged(inside, 'pre'), []);
      assert.equal(textOf(tagged(inside, 'p')[0]), 'The reference solutions and their explanation appear here once every case passes.');
    });

    it('shows both reference solutions, highlighted, and the explanation', () => {
      const elements = articleElements(renderProblemArticle(model({ solutions, status: 'solved' }), engine));
      const solution = section(elements, 'section', 'solution');
      assert.ok(!hasClass(solution, 'locked'));
      const inside = elementsOf(solution);
      assert.deepEqual(buttons(elements, 'showSolution'), []);
      assert.deepEqual(tagged(inside, 'h3').map(textOf), ['Python', 'TypeScript']);
      const code = tagged(inside, 'pre').map((pre) => tagged(elementsOf(pre), 'code')[0]);
      assert.deepEqual(code.map((e) => attr(e, 'class')), ['language-python', 'language-typescript']);
      assert.equal(textOf(code[0]).trimEnd(), solutions?.py.trimEnd());
      assert.equal(textOf(code[1]).trimEnd(), solutions?.ts.trimEnd());
      assert.ok(tagged(elementsOf(code[0]), 'span').length > 0, 'highlighted');
      assert.deepEqual(tagged(inside, 'h2').map(textOf), ['Reference solution', 'Explanation']);
      assert.match(textOf(section(inside, 'div', 'explanation')), /^Softmax is invariant to shifting a row by a constant/);
    });

    it('keeps a solution that itself contains a code fence inside one code block', () => {
      const py = 'def softmax(x):\n    """Example:\n\n```\n# not a heading\n````\n"""\n    return x\n';
      const elements = articleElements(renderProblemArticle(model({ solutions: { py, ts: 'export const softmax = (x: number[][]) => x;\n' }, trust: 'untrusted' }), engine));
      const inside = elementsOf(section(elements, 'section', 'solution'));
      assert.equal(tagged(inside, 'pre').length, 2);
      assert.deepEqual(tagged(inside, 'h1'), []);
      assert.equal(textOf(tagged(inside, 'code')[0]).trimEnd(), py.trimEnd());
    });
  });

  describe('in Chinese', () => {
    it('uses the Chinese text and labels', () => {
      const html = renderProblemDocument(
        model({ language: 'zh-cn', attempts: { py: true, ts: false }, record: recordOf({ kind: 'hint', revealed: 1 }) }),
        RESOURCES,
        engine,
      );
      const elements = documentElements(html);
      assert.equal(attr(tagged(elements, 'html')[0], 'lang'), 'zh-CN');
      assert.equal(attr(tagged(elements, 'article')[0], 'lang'), 'zh-CN');
      assert.equal(textOf(tagged(elements, 'title')[0]), '按行 softmax');
      assert.deepEqual(tagged(elements, 'h1').map(textOf), ['按行 softmax']);
      const [toggle] = buttons(elements, 'setLanguage');
      assert.deepEqual([attr(toggle, 'data-language'), textOf(toggle)], ['en', 'English']);
      assert.equal(textOf(section(elements, 'span', 'difficulty')), '简单');
      assert.equal(textOf(section(elements, 'span', 'status')), '未开始');
      assert.deepEqual(buttons(elements, 'start').map(textOf), ['打开我的 Python 解答', '用 TypeScript 开始']);
      assert.deepEqual(buttons(elements, 'check').map(textOf), ['检查 Python']);
      assert.deepEqual(buttons(elements, 'reset').map(textOf), ['把 Python 重置为初始代码…']);
      assert.match(textOf(section(elements, 'div', 'statement')), /^给定形状为/);
      const hints = elementsOf(section(elements, 'section', 'hints'));
      assert.deepEqual(tagged(hints, 'h2').map(textOf), ['提示']);
      assert.deepEqual(tagged(hints, 'li').map(textOf), softmax.hints['zh-cn']?.slice(0, 1));
      assert.deepEqual(buttons(hints, 'revealHint').map(textOf), ['显示提示 2/3']);
      const solution = elementsOf(section(elements, 'section', 'solution'));
      assert.deepEqual(tagged(solution, 'h2').map(textOf), ['参考解答']);
      assert.deepEqual(buttons(solution, 'showSolution').map(textOf), ['现在查看解答（记为未解出）…']);
      assert.equal(textOf(tagged(elementsOf(section(elements, 'section', 'complexity')), 'p')[0]), '时间与空间 O(n·d)');
    });

    it('shows the Chinese explanation and last check once solved', () => {
      const record = recordOf({ kind: 'checked', at: new Date('2025-03-01T10:00:00Z'), language: 'py', passed: 3, total: 4 });
      const elements = articleElements(renderProblemArticle(model({ language: 'zh-cn', record, solutions, status: 'solved' }), engine));
      assert.equal(textOf(section(elements, 'p', 'last-check')), '上次检查（Python）：4 个用例通过 3 个。 目前共检查 1 次。');
      const solution = elementsOf(section(elements, 'section', 'solution'));
      assert.deepEqual(tagged(solution, 'h2').map(textOf), ['参考解答', '解析']);
      assert.match(textOf(section(solution, 'div', 'explanation')), /^一行同时减去常数/);
    });
  });

  describe('an untrusted problem', () => {
    const SCRIPT = '<script>alert(1)</script>';
    const IMG = '<img src=x onerror=alert(1)>';
    let root: string;
    let hostile: Problem;

    before(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-problem-document-'));
      const folder = path.join(root, 'problems', 'softmax');
      fs.mkdirSync(folder, { recursive: true });
      for (const name of ['starter.ts', 'starter.py', 'solution.ts', 'solution.py', 'cases.json']) {
        fs.copyFileSync(path.join(PROBLEMS_DIR, 'softmax', name), path.join(folder, name));
      }
      const text = fs
        .readFileSync(path.join(PROBLEMS_DIR, 'softmax', 'problem.md'), 'utf8')
        .replace('title: { en: Row-wise softmax,', `title: { en: "${SCRIPT}",`)
        .replace('tags: [activation, numerics]', `tags: ["${IMG}"]`)
        .replace('- "softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ), computed separately for every row."', `- "${IMG} ${SCRIPT}"`)
        .replace('## Problem\n', `## Problem\n\n${SCRIPT}\n\n${IMG}\n\nInline ${IMG} and ${SCRIPT}.\n`)
        .replace('## Explanation\n', `## Explanation\n\n${SCRIPT}\n${IMG}\n`);
      fs.writeFileSync(path.join(folder, 'problem.md'), text);
      const loaded = await loadProblem(folder, false);
      assert.ok('problem' in loaded, JSON.stringify(loaded));
      hostile = loaded.problem;
      assert.ok(hostile.body.en?.statement.includes(SCRIPT) && hostile.body.en.statement.includes(IMG), 'the payloads reached the statement');
    });

    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it('renders no script but ours, no image and no event handler, and shows the payloads as text', () => {
      for (const solved of [false, true]) {
        const html = renderProblemDocument(
          model({
            problem: hostile,
            trust: 'untrusted',
            deckLabel: SCRIPT,
            record: { ...emptyRecord(), hints: 3 },
            topics: [{ key: `"><script>alert(1)</script>`, title: IMG }],
            solutions: solved ? { py: `</code></pre>${SCRIPT}`, ts: IMG } : undefined,
          }),
          RESOURCES,
          engine,
        );
        const elements = documentElements(html);
        const scripts = tagged(elements, 'script');
        assert.equal(scripts.length, 1);
        assert.equal(attr(scripts[0], 'nonce'), NONCE);
        assert.equal(attr(scripts[0], 'src'), undefined);
        assert.equal(textOf(scripts[0]), RESOURCES.script);
        assert.deepEqual(tagged(elements, 'img'), []);
        const handlers = elements.flatMap((e) => e.attrs.filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.tagName} ${a.name}`));
        assert.deepEqual(handlers, []);
        assert.equal(textOf(tagged(elements, 'title')[0]), SCRIPT);
        assert.deepEqual(tagged(elements, 'h1').map(textOf), [SCRIPT]);
        const statement = textOf(section(elements, 'div', 'statement'));
        assert.ok(statement.includes(SCRIPT) && statement.includes(IMG), statement);
        assert.ok(textOf(section(elements, 'section', 'hints')).includes(`${IMG} ${SCRIPT}`));
        assert.equal(attr(buttons(elements, 'openTopic')[0], 'data-topic-key'), `"><script>alert(1)</script>`);
        if (solved) {
          const code = tagged(elementsOf(section(elements, 'section', 'solution')), 'pre').map(textOf);
          assert.deepEqual(code.map((text) => text.trimEnd()), [`</code></pre>${SCRIPT}`, IMG]);
        }
      }
    });
  });
});
