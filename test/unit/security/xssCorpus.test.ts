// Issue 7: every payload of the XSS corpus goes through the real user-deck path (front-matter parser, untrusted
// Markdown engine, topic document) and the HTML is read back with a spec-compliant parser (parse5, the HTML5 parsing
// algorithm browsers use), so what is checked is the DOM a webview would build, not a regular expression's view of it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { loadDeck } from '../../../src/content/core/deckLoader';
import { MarkdownEngine } from '../../../src/content/core/markdownEngine';
import { parseTopicFile, type Topic } from '../../../src/content/core/topicParser';
import { renderProgressDocument } from '../../../src/quiz/core/progressDocument';
import { renderQuizDocument } from '../../../src/quiz/core/quizDocument';
import { deckItems } from '../../../src/quiz/core/quizItems';
import { QuizScheduler } from '../../../src/quiz/core/scheduler';
import { renderTopicDocument, withDeferredParts, type TopicViewModel } from '../../../src/webview/core/topicDocument';
import { newNonce, renderShell, type WebviewResources } from '../../../src/webview/core/webviewShell';
import { loadProblems, parseProblemFile, type Problem } from '../../../src/problems/core/problemLoader';
import { renderProblemDocument, type ProblemViewModel } from '../../../src/problems/core/problemDocument';
import { emptyRecord } from '../../../src/problems/core/problemProgress';
import { parseCardFile } from '../../../src/quiz/core/cardSchema';
import { parseCloze, type ClozeCard } from '../../../src/quiz/core/kinds/cloze';
import { problemCodeCard, type CodeCard } from '../../../src/quiz/core/kinds/code';
import type { CodeGrade } from '../../../src/quiz/core/kinds/cardKind';
import { cardKindOf, type QuizStep } from '../../../src/quiz/core/kinds/registry';
import type { QuizItem } from '../../../src/quiz/core/quizItems';
import {
  clozeCardFileText,
  MOCK_ANSWER_PAYLOADS,
  PAYLOAD_CATEGORIES,
  PROBLEM_FILE_NAMES,
  XSS_PAYLOADS,
  withServers,
  xssClozeCards,
  xssDeckFiles,
  xssProblemOf,
  xssProblems,
  type XssClozeCard,
  type XssDeckFile,
  type XssPayload,
  type XssProblem,
} from '../../fixtures/xss/payloads';
import { renderMockDocument, type MockPageModel } from '../../../src/mock/core/mockDocument';
import { buildReport } from '../../../src/mock/core/mockReport';
import { setAnswer, startInterview, submit, type MockInterview } from '../../../src/mock/core/mockState';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Nothing listens at either: the HTML is only parsed. */
const SERVERS = { port: 47_123, selfOrigin: 'http://127.0.0.1:47124' };
const CSP_SOURCE = 'https://webview.test';
/** Stand-ins for the inlined script and stylesheets: the checks compare each element's text with what the shell was given. */
const resources = (nonce: string, script = 'topic.js'): WebviewResources => ({
  cspSource: CSP_SOURCE,
  nonce,
  script: `/* ${script} */ run();`,
  styles: ['body { margin: 0; }'],
  katex: { rules: '.katex { font: normal 1.21em KaTeX_Main, serif; }', fontFaces: `@font-face{font-family:KaTeX_Main;src:url(${CSP_SOURCE}/dist/webview/katex/fonts/KaTeX_Main-Regular.woff2) format("woff2")}` },
});
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const RESOURCES = resources(NONCE);
/** Written out rather than computed by the code under test, so a change to the policy shows here. */
const EXPECTED_CSP =
  "default-src 'none'; style-src https://webview.test 'nonce-dGVzdC1ub25jZS0xMjM0NQ=='; style-src-elem https://webview.test 'nonce-dGVzdC1ub25jZS0xMjM0NQ=='; " +
  "style-src-attr 'unsafe-inline'; font-src https://webview.test; img-src https://webview.test; script-src 'nonce-dGVzdC1ub25jZS0xMjM0NQ=='";

/** Elements that load, frame, navigate, submit, restyle or animate attributes; none belongs in a rendered deck. */
const FORBIDDEN_ELEMENTS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'form', 'noscript', 'template',
  'foreignobject', 'animate', 'animatemotion', 'animatetransform', 'set', 'use', 'image', 'handler', 'listener',
]);
/** Attributes whose value is a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'ping', 'longdesc',
  'lowsrc', 'dynsrc', 'manifest', 'codebase', 'classid', 'archive', 'icon', 'usemap', 'profile',
]);
/** Attributes whose URL is loaded as the page renders: only the webview's own resources may be (no remote resources). */
const LOADING_ATTRIBUTES = new Set(['src', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'xlink:href', 'manifest', 'codebase']);
/** Attributes that are never safe here: inline documents, candidate lists of URLs. */
const FORBIDDEN_ATTRIBUTES = new Set(['srcdoc', 'srcset', 'imagesrcset']);
const SAFE_URL = /^(?:https?:\/\/|#)/i;

const engine = new MarkdownEngine();

/** The elements of a document (parsed as a browser would) or under a node, in document order, template content included. */
function elementsOf(source: string | Node): Element[] {
  const elements: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit(node.content);
  };
  visit(typeof source === 'string' ? parse(source) : source);
  return elements;
}

const attributeName = (attr: Element['attrs'][number]) => (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
const attributeOf = (element: Element, name: string) => element.attrs.find((attr) => attributeName(attr) === name)?.value;
const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}… (${text.length} chars)` : text);

/** Every way the document could run script or reach the network, as readable findings; an empty list is safe. */
function securityFindings(html: string, expected: { resources: WebviewResources; csp: string }): string[] {
  const findings: string[] = [];
  const elements = elementsOf(html);
  for (const element of elements) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`forbidden element <${element.tagName}>`);
    for (const attr of element.attrs) {
      const name = attributeName(attr);
      if (name.startsWith('on')) findings.push(`event handler ${name}="${short(attr.value)}" on <${tag}>`);
      if (FORBIDDEN_ATTRIBUTES.has(name)) findings.push(`forbidden attribute ${name} on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(attr.value.trim())) findings.push(`${name}="${short(attr.value)}" on <${tag}>`);
      else if (LOADING_ATTRIBUTES.has(name) && !attr.value.startsWith(`${expected.resources.cspSource}/`)) findings.push(`loads ${name}="${short(attr.value)}" on <${tag}>`);
      if (name === 'style' && /url\s*\(|image-set|expression\s*\(|@import|\\/i.test(attr.value)) findings.push(`style="${short(attr.value)}" on <${tag}>`);
    }
    if (tag === 'meta' && attributeOf(element, 'http-equiv') !== undefined && attributeOf(element, 'http-equiv')?.toLowerCase() !== 'content-security-policy') {
      findings.push(`<meta http-equiv="${attributeOf(element, 'http-equiv')}">`);
    }
    if (tag === 'link') findings.push(`<link rel="${attributeOf(element, 'rel')}" href="${short(attributeOf(element, 'href') ?? '')}">`);
  }
  // Stylesheets: only the shell's, inlined in <head> under the nonce, each exactly a sheet it was given (KaTeX's
  // font faces with media="not all", switched on by the page script).
  const { katex } = expected.resources;
  const shellStyles = [...(katex ? [katex.rules] : []), ...expected.resources.styles, ...(katex ? [katex.fontFaces] : [])];
  const head = elements.find((element) => element.tagName === 'head');
  for (const style of elements.filter((element) => element.tagName.toLowerCase() === 'style')) {
    const fonts = katex !== undefined && textOf(style) === katex.fontFaces;
    const attributes = [{ name: 'nonce', value: expected.resources.nonce }, ...(fonts ? [{ name: 'media', value: 'not all' }, { name: 'data-deferred-fonts', value: '' }] : [])];
    if (style.parentNode !== head || !shellStyles.includes(textOf(style)) || !sameAttributes(style, attributes)) {
      findings.push(`a style element not the shell's: ${[...style.attrs.map((attr) => `${attributeName(attr)}="${short(attr.value)}"`), short(textOf(style))].join(' ')}`);
    }
  }
  const scripts = elements.filter((element) => element.tagName.toLowerCase() === 'script');
  const shellScript = [{ name: 'nonce', value: expected.resources.nonce }];
  if (scripts.length !== 1) findings.push(`${scripts.length} script elements, expected only the shell's`);
  else if (!sameAttributes(scripts[0], shellScript) || textOf(scripts[0]) !== expected.resources.script) {
    findings.push(`the script is not the shell's: ${scripts[0].attrs.map((attr) => `${attributeName(attr)}="${short(attr.value)}"`).join(' ')} ${short(textOf(scripts[0]))}`.trim());
  }
  const policies = elements.filter((element) => attributeOf(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  if (policies.length !== 1 || attributeOf(policies[0], 'content') !== expected.csp) {
    findings.push(`CSP: ${policies.map((p) => attributeOf(p, 'content')).join(' | ')}`);
  } else if (elements.indexOf(policies[0]) > elements.findIndex((e) => ['link', 'style', 'script', 'img', 'body'].includes(e.tagName))) {
    // A meta CSP governs only what comes after it.
    findings.push('the CSP meta comes after content it should govern');
  }
  return findings;
}

function sameAttributes(element: Element, expected: { name: string; value: string }[]): boolean {
  const actual = element.attrs.map((attr) => ({ name: attributeName(attr), value: attr.value }));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

const all = (html: string, tag: string) => elementsOf(html).filter((element) => element.tagName === tag);
const classOf = (element: Element) => attributeOf(element, 'class')?.split(' ') ?? [];

function topicModel(topic: Topic): TopicViewModel {
  const neighbour = { key: `user:file:///w/${topic.id}`, title: topic.title.en ?? topic.id };
  // The topic is its own neighbour, so its title also goes through the pager.
  return { topicKey: neighbour.key, topic, trust: 'untrusted', language: 'en', deckLabel: 'w · .interview', previous: neighbour, next: neighbour, openableSnippets: [], canQuiz: true };
}

/**
 * A topic's page as the reader sees it: the document with the rest of the article put in its placeholders (what the
 * page does after its first paint, webview-src/topic.ts), so a payload is checked wherever it lands.
 */
function topicPageAsShown(model: TopicViewModel, pageResources: WebviewResources): string {
  return withDeferredParts(renderTopicDocument(model, pageResources, engine, {}));
}

function renderFile(file: XssDeckFile) {
  const parsed = parseTopicFile(path.join('/w/.interview', file.fileName), withServers(file.text, SERVERS));
  return { parsed, html: parsed.ok ? topicPageAsShown(topicModel(parsed.topic), RESOURCES) : undefined };
}

const REFUSED_URL = ['`sources.0.url`: a source `url` must start with http:// or https://'];

/** What the reader sees of a payload placed in a field: it must arrive as text, exactly as written. */
function assertShownAsText(payload: XssPayload, file: XssDeckFile, topic: Topic, html: string): void {
  const text = withServers(payload.text, SERVERS);
  const elements = elementsOf(html);
  const withClass = (name: string) => elements.filter((element) => classOf(element).includes(name));
  const [sourceLink] = withClass('references').flatMap((section) => elementsOf(section).filter((e) => e.tagName === 'a'));
  switch (payload.where) {
    case 'body':
      // Under its own heading, and not swallowed by anything before it.
      assert.deepEqual(withClass('answer').flatMap((answer) => elementsOf(answer).filter((e) => e.tagName === 'h2').map(textOf)), [payload.name]);
      return;
    case 'title':
    case 'titleYaml': {
      const title = payload.where === 'title' ? `[${file.tag}] ${text}` : topic.title.en;
      assert.equal(textOf(all(html, 'h1')[0]), title);
      assert.equal(textOf(all(html, 'title')[0]), title);
      assert.deepEqual(withClass('title').map(textOf), [title, title], 'the pager shows it as text too');
      return;
    }
    case 'sourceTitle':
      assert.equal(textOf(sourceLink), text);
      return;
    case 'sourceUrl':
      assert.equal(attributeOf(sourceLink, 'href'), text);
      return;
    case 'sourceAuthors':
      assert.deepEqual(withClass('byline').map(textOf), [text]);
      return;
    case 'question':
    case 'checklist':
      // Inline Markdown: what it becomes is up to Markdown; the structural findings are what matters.
      return;
  }
}

describe('XSS corpus (issue 7)', () => {
  it('holds at least 40 payloads with unique names, several in every category, one over 100 KB', () => {
    assert.ok(XSS_PAYLOADS.length >= 40, `${XSS_PAYLOADS.length} payloads`);
    assert.equal(new Set(XSS_PAYLOADS.map((p) => p.name)).size, XSS_PAYLOADS.length);
    for (const category of PAYLOAD_CATEGORIES) {
      const count = XSS_PAYLOADS.filter((p) => p.category === category).length;
      assert.ok(count >= 3, `${category}: ${count} payloads`);
    }
    assert.ok(XSS_PAYLOADS.some((p) => p.text.length > 100 * 1024));
  });

  describe('each payload alone in a user-deck file', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`${payload.where}: ${payload.name}`, () => {
        const [file] = xssDeckFiles([payload]);
        const { parsed, html } = renderFile(file);
        if (payload.outcome === 'refused') {
          assert.deepEqual(parsed.ok ? [] : parsed.problems.map((p) => p.message), REFUSED_URL);
          return;
        }
        assert.ok(parsed.ok && html, JSON.stringify(!parsed.ok && parsed.problems));
        assert.deepEqual(securityFindings(html, { resources: RESOURCES, csp: EXPECTED_CSP }), []);
        assertShownAsText(payload, file, parsed.topic, html);
      });
    }
  });

  it('finds what it looks for (the checks are not blind)', () => {
    const body =
      '<img src="javascript:x" onerror="y"><iframe srcdoc="z"></iframe><svg><a xlink:href="data:x"><animate/></a></svg>' +
      '<meta http-equiv="refresh" content="0"><div style="background:url(x)"></div><a href="vbscript:x">v</a><script>1</script>' +
      '<img src="https://remote.example/pixel.png"><style>*{}</style>' + `<style nonce="${NONCE}">body { margin: 0; }</style>`;
    const html = renderShell({ language: 'en', title: 't', resources: RESOURCES, state: {}, body });
    assert.deepEqual(securityFindings(html, { resources: RESOURCES, csp: EXPECTED_CSP }), [
      'src="javascript:x" on <img>',
      'event handler onerror="y" on <img>',
      'forbidden element <iframe>',
      'forbidden attribute srcdoc on <iframe>',
      'xlink:href="data:x" on <a>',
      'forbidden element <animate>',
      '<meta http-equiv="refresh">',
      'style="background:url(x)" on <div>',
      'href="vbscript:x" on <a>',
      'loads src="https://remote.example/pixel.png" on <img>',
      'a style element not the shell\'s: *{}',
      // The right nonce and text, but in the body: not one the shell wrote.
      `a style element not the shell's: nonce="${NONCE}" body { margin: 0; }`,
      "2 script elements, expected only the shell's",
    ]);
    const otherPolicy = renderShell({ language: 'en', title: 't', resources: resources('other'), state: {}, body: '' });
    assert.deepEqual(securityFindings(otherPolicy, { resources: RESOURCES, csp: EXPECTED_CSP }), [
      'a style element not the shell\'s: nonce="other" body { margin: 0; }',
      'the script is not the shell\'s: nonce="other" /* topic.js */ run();',
      `CSP: ${EXPECTED_CSP.replaceAll(NONCE, 'other')}`,
    ]);
  });

  it('turns user-deck images into links, which load nothing until followed', () => {
    const image = XSS_PAYLOADS.find((p) => p.name === 'image-remote');
    const sameOrigin = XSS_PAYLOADS.find((p) => p.name === 'image-same-origin');
    assert.ok(image && sameOrigin);
    assert.equal(
      engine.render(withServers(`${image.text} ${sameOrigin.text}`, SERVERS), 'untrusted'),
      '<p><a href="http://127.0.0.1:47123/image-remote" rel="noopener noreferrer">tracking pixel</a> ' +
        '<a href="http://127.0.0.1:47124/xss-self/image-same-origin" rel="noopener noreferrer">x</a></p>\n',
    );
    // A badge (an image inside a link) keeps its text: links do not nest.
    assert.equal(
      engine.renderInline('![a "b"](https://example.com/i.png "t") [![badge](https://example.com/b.svg)](https://example.com/)', 'untrusted'),
      '<a href="https://example.com/i.png" title="t" rel="noopener noreferrer">a &quot;b&quot;</a> <a href="https://example.com/" rel="noopener noreferrer">badge</a>',
    );
    // Built-in content keeps real images.
    assert.equal(engine.render('![a](https://example.com/i.png)', 'trusted'), '<p><img src="https://example.com/i.png" alt="a"></p>\n');
  });

  describe('the deck the UI test writes, loaded by the real deck loader', () => {
    const files = xssDeckFiles();
    let folder: string;

    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'xss-deck-'));
      for (const file of files) fs.writeFileSync(path.join(folder, file.fileName), withServers(file.text, SERVERS));
    });

    after(() => {
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const load = () => loadDeck({ folder, trusted: false, fallback: { id: 'user', title: { en: '.interview' } } });

    it('loads every file but the refused ones, which are reported as problems', async () => {
      const deck = await load();
      const refused = files.filter((file) => file.payloads.some((p) => p.outcome === 'refused'));
      assert.deepEqual(deck.problems.map((p) => [path.basename(p.file), p.message]), refused.map((file) => [file.fileName, REFUSED_URL[0]]));
      assert.deepEqual(deck.topics.map((t) => t.id), files.filter((file) => !refused.includes(file)).map((file) => file.id));
    });

    it('renders each topic safely, every body payload under its own heading', async () => {
      const deck = await load();
      for (const topic of deck.topics) {
        const file = files.find((candidate) => candidate.id === topic.id);
        const html = topicPageAsShown(topicModel(topic), RESOURCES);
        assert.deepEqual(securityFindings(html, { resources: RESOURCES, csp: EXPECTED_CSP }), [], topic.id);
        const headings = elementsOf(html).filter((e) => classOf(e).includes('answer')).flatMap((answer) => elementsOf(answer).filter((e) => e.tagName === 'h2').map(textOf));
        assert.deepEqual(headings, file?.payloads.filter((p) => p.where === 'body').map((p) => p.name), topic.id);
      }
    });

    it('renders the recall cards the quiz makes of these topics safely, answer revealed', async () => {
      const deck = await load();
      const { items, problems } = deckItems(deck, []);
      assert.deepEqual(problems, []);
      assert.deepEqual(items.map((item) => item.id), deck.topics.map((topic) => `user:${topic.id}/recall`));
      const quizResources = resources(NONCE, 'quiz.js');
      const now = new Date(2025, 0, 10, 12);
      const previews = new QuizScheduler().preview(undefined, now);
      for (const item of items) {
        const view = { kind: 'card', item, reason: 'new', phase: 'revealed', counts: { learning: 0, review: 0, new: 1, ahead: 0 }, previews } as const;
        const html = renderQuizDocument({ language: 'en', now, topicKey: item.topicKey, topicTitle: item.topicTitle.en, view }, quizResources, engine);
        assert.deepEqual(securityFindings(html, { resources: quizResources, csp: EXPECTED_CSP }), [], item.id);
      }
    });
  });
});

describe('XSS corpus: typed answers of the mock interview (issue 16)', () => {
  const mockResources = resources(NONCE, 'mock.js');
  const T0 = Date.UTC(2026, 2, 1, 10);
  const interview = (text: string): MockInterview =>
    setAnswer(
      startInterview({ id: 'x', seed: 'x', length: 15, tracks: [], plan: [{ kind: 'concept', cardId: 'user:t/recall', topicKey: 'user:file:///w/t', allottedMs: 240_000 }], checklistTotals: { 'user:t/recall': 1 }, now: T0 }),
      text,
    ).state;
  const concept = { prompt: 'Q?', answer: 'A.', checklist: ['point'], followUps: [{ question: 'Follow?', answer: '' }], trust: 'untrusted' as const, topicTitle: 'T' };
  const render = (model: MockPageModel) => renderMockDocument(model, mockResources, engine, { focus: false });
  const payloads = [...MOCK_ANSWER_PAYLOADS, ...XSS_PAYLOADS.map((payload) => ({ name: payload.name, text: payload.text }))];

  for (const payload of payloads) {
    it(payload.name, () => {
      const text = withServers(payload.text, SERVERS).slice(0, 20_000);
      const answering = interview(text);
      const reviewed = submit(answering, T0 + 1000).state;
      const report = buildReport(reviewed, { topicTitle: () => ({ en: 'T' }), problemTitle: () => undefined }, T0 + 2000);
      const pages = {
        answering: render({ language: 'en', now: T0, view: { kind: 'interview', state: answering, concept, restored: false } }),
        review: render({ language: 'en', now: T0, view: { kind: 'interview', state: reviewed, concept, restored: false } }),
        // The topic's own text (an untrusted user deck) comes back too: its follow-ups, under review and in the report.
        reviewWithFollowUps: render({ language: 'en', now: T0, view: { kind: 'interview', state: reviewed, concept: { ...concept, followUps: [{ question: text, answer: text }], checklist: [text] }, restored: false } }),
        report: render({ language: 'en', now: T0, view: { kind: 'report', report, topicTitles: { 'user:file:///w/t': text }, followUps: { 'user:file:///w/t': { trust: 'untrusted', items: [{ question: text, answer: '' }] } } } }),
      };
      for (const [page, html] of Object.entries(pages)) assert.deepEqual(securityFindings(html, { resources: mockResources, csp: EXPECTED_CSP }), [], page);
      // Shown back exactly as typed: in the answer box, under review, and in the report (cut to its length).
      assert.deepEqual(all(pages.answering, 'textarea').map(textOf), [text]);
      assert.deepEqual(elementsOf(pages.review).filter((e) => classOf(e).includes('typed')).map(textOf), [text === '' ? '—' : text]);
      assert.deepEqual(elementsOf(pages.report).filter((e) => classOf(e).includes('typed')).map(textOf), text === '' ? [] : [text.slice(0, 1000)]);
    });
  }
});

describe('webview Content-Security-Policy (issue 7)', () => {
  const now = new Date(2025, 0, 10, 12);
  const emptyStats = { reviewsPerDay: [{ day: '2025-01-10', count: 0 }], retention: { reviews: 0, passed: 0, rate: undefined }, cardsByState: { new: 0, learning: 0, review: 0, relearning: 0 }, topics: [] };
  const topic: Topic = { id: 't', title: { en: 'T' }, tags: [], snippets: [], sources: [], related: [], problems: [], body: { en: 'Body.' } };
  const documents: Record<string, (nonce: string) => string> = {
    topic: (nonce) => topicPageAsShown(topicModel(topic), resources(nonce)),
    quiz: (nonce) => renderQuizDocument({ language: 'en', now, view: { kind: 'empty', answered: 0, canPractiseAhead: false, practisingAhead: false } }, resources(nonce, 'quiz.js'), engine),
    progress: (nonce) => renderProgressDocument({ language: 'en', stats: emptyStats, topicTitles: {} }, resources(nonce, 'progress.js')),
    mock: (nonce) => renderMockDocument({ language: 'en', now: 0, view: { kind: 'setup', tracks: [], selected: [], length: 30, reports: [] } }, resources(nonce, 'mock.js'), engine, { focus: false }),
  };

  /** The policy's directives, from the one CSP meta element as a browser parses it. */
  const directivesOf = (html: string): Map<string, string[]> => {
    const policies = elementsOf(html).filter((element) => attributeOf(element, 'http-equiv') === 'Content-Security-Policy');
    assert.equal(policies.length, 1);
    const policy = attributeOf(policies[0], 'content') ?? '';
    return new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
  };

  it('makes a fresh 128-bit nonce for every render', () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    assert.equal(new Set(nonces).size, 1000);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  for (const [name, render] of Object.entries(documents)) {
    it(`${name}: nothing by default, scripts only by nonce, no unsafe-inline script, no unsafe-eval, no remote sources`, () => {
      const directives = directivesOf(render('bm9uY2Ux'));
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('script-src'), ["'nonce-bm9uY2Ux'"]);
      // These would override script-src for elements or attributes.
      assert.equal(directives.has('script-src-elem') || directives.has('script-src-attr'), false);
      for (const [directive, sources] of directives) {
        for (const source of sources) {
          const allowed =
            source === CSP_SOURCE ||
            (directive === 'default-src' && source === "'none'") ||
            (directive === 'script-src' && source === "'nonce-bm9uY2Ux'") ||
            // The inlined stylesheets, by the same nonce; a <style> without it stays blocked.
            ((directive === 'style-src' || directive === 'style-src-elem') && source === "'nonce-bm9uY2Ux'") ||
            // KaTeX positions glyphs with style attributes: inline styles, never inline script.
            (directive === 'style-src-attr' && source === "'unsafe-inline'");
          assert.ok(allowed, `${directive} allows ${source}`);
        }
      }
    });

    it(`${name}: a render carries the nonce it is given, in the policy and on the script`, () => {
      const first = render('Zmlyc3Q=');
      const second = render('c2Vjb25k');
      assert.deepEqual(directivesOf(first).get('script-src'), ["'nonce-Zmlyc3Q='"]);
      assert.deepEqual(directivesOf(second).get('script-src'), ["'nonce-c2Vjb25k'"]);
      assert.deepEqual(elementsOf(second).filter((e) => e.tagName === 'script').map((e) => attributeOf(e, 'nonce')), ['c2Vjb25k']);
      assert.doesNotMatch(second, /Zmlyc3Q=/);
    });
  }
});

// Issue 7, further surfaces: the corpus through a user deck's practice problems (the problem panel with its solutions
// shown, and the code card each problem becomes in the quiz) and through its cloze cards (asked, then revealed with the
// typed answers echoed back). Same checks as above: nothing executable, nothing loading from outside, text as text.
describe('XSS corpus in practice problems, code cards and cloze cards (issue 7)', () => {
  const TOPIC = 'xss-body-01';
  const problemResources = { ...resources(NONCE, 'problem.js'), styles: [...RESOURCES.styles, '.problem { margin: 0; }'] };
  const quizResources = resources(NONCE, 'quiz.js');
  const now = new Date(2025, 0, 10, 12);
  const previews = new QuizScheduler().preview(undefined, now);
  const counts = { learning: 0, review: 0, new: 1, ahead: 0 };
  const server = (text: string) => withServers(text, SERVERS);
  const assertSafe = (html: string, res: WebviewResources, label: string) => assert.deepEqual(securityFindings(html, { resources: res, csp: EXPECTED_CSP }), [], label);
  // The helpers take a document's elements, parsed once: a document holding the 100 KB payloads is megabytes.
  type Elements = Element[];
  const texts = (elements: Elements, selector: (element: Element) => boolean) => elements.filter(selector).map(textOf);
  const byClass = (name: string) => (element: Element) => classOf(element).includes(name);
  const byTag = (tag: string) => (element: Element) => element.tagName === tag;
  const within = (elements: Elements, className: string, tag: string) =>
    elements.filter(byClass(className)).flatMap((section) => elementsOf(section).filter(byTag(tag)));
  /** The reference solutions: the first two code blocks directly in the solution section (the explanation follows). */
  const solutionCode = (elements: Elements) =>
    elements
      .filter(byClass('solution'))
      .flatMap((section) => section.childNodes.filter((node): node is Element => 'tagName' in node && node.tagName === 'pre').slice(0, 2))
      .map((pre) => textOf(pre).trimEnd());

  /** A problem as the loader gives it, from the fixture's files with the servers filled in. */
  function parsedProblem(fixture: XssProblem): Pick<Problem, 'id' | 'title' | 'difficulty' | 'tags' | 'signature' | 'hints' | 'complexity' | 'body' | 'topics'> {
    const parsed = parseProblemFile(`/w/.interview/problems/${fixture.id}/problem.md`, server(fixture.files['problem.md']));
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    return { ...parsed.frontMatter, body: parsed.body };
  }

  /** The panel as problemPanel.ts fills it for a user-deck problem, solved (solutions shown), every hint revealed. */
  function problemHtml(problem: ReturnType<typeof parsedProblem>, fixture: XssProblem, hostile: string): string {
    const model: ProblemViewModel = {
      problemKey: `user:file:///w/${problem.id}`,
      problem,
      language: 'en',
      trust: 'untrusted',
      deckLabel: hostile,
      status: 'solved',
      record: { ...emptyRecord(), hints: 3, checks: 2, solvedAt: now.toISOString() },
      attempts: { ts: true, py: true },
      topics: [{ key: `user:file:///w/${TOPIC}`, title: hostile }],
      solutions: { ts: server(fixture.files['solution.ts']), py: server(fixture.files['solution.py']) },
    };
    return renderProblemDocument(model, problemResources, engine);
  }

  function assertProblemShownAsText(html: Elements, problem: ReturnType<typeof parsedProblem>, fixture: XssProblem, hostile: string): void {
    const names = fixture.payloads.map((p) => p.name);
    const title = problem.title.en ?? '';
    assert.equal(textOf(html.filter(byTag('h1'))[0]), title);
    assert.equal(textOf(html.filter(byTag('title'))[0]), title);
    assert.deepEqual(texts(html, byClass('tag')), problem.tags);
    assert.deepEqual(texts(html, byClass('deck')), [hostile]);
    assert.deepEqual(within(html, 'signature', 'code').map(textOf), [problem.signature.ts, problem.signature.py]);
    assert.deepEqual(within(html, 'statement', 'h3').map(textOf), names, 'every statement payload under its own heading');
    assert.deepEqual(within(html, 'explanation', 'h3').map(textOf), names, 'every explanation payload under its own heading');
    assert.equal(within(html, 'hints', 'li').length, 3);
    assert.deepEqual(solutionCode(html), [server(fixture.files['solution.py']).trimEnd(), server(fixture.files['solution.ts']).trimEnd()]);
    assert.deepEqual(within(html, 'related', 'button').map(textOf), [hostile]);
  }

  /** The code card problemRegistry makes of a problem, as a user-deck quiz item. */
  function codeItem(problem: ReturnType<typeof parsedProblem>, fixture: XssProblem, hostile: string): QuizItem {
    const text = (part: 'statement' | 'explanation') => ({ en: problem.body.en?.[part], 'zh-cn': problem.body['zh-cn']?.[part] });
    const card: CodeCard = problemCodeCard({
      id: problem.id,
      topic: TOPIC,
      title: problem.title,
      statement: text('statement'),
      explanation: text('explanation'),
      solutions: { ts: server(fixture.files['solution.ts']), py: server(fixture.files['solution.py']) },
    });
    return { id: `user:${card.id}`, deckId: 'user:file:///w', topicKey: `user:file:///w/${TOPIC}`, topicTitle: { en: hostile }, trust: 'untrusted', card };
  }

  function quizHtml(item: QuizItem, step: Partial<QuizStep>, options: { topicTitle?: string } = {}): string {
    const view = { kind: 'card', item, reason: 'new', counts, ...step } as const;
    return renderQuizDocument({ language: 'en', now, topicKey: item.topicKey, topicTitle: options.topicTitle, view: view as never }, quizResources, engine);
  }

  /** The code card in every phase that shows something of its own: failing checks, a pass with the solution, given up. */
  function assertCodeCardSafe(item: QuizItem, fixture: XssProblem, label: string): void {
    const payloads = fixture.payloads.map((p) => server(p.text));
    const failing: CodeGrade = { language: 'py', results: payloads.map((name, i) => ({ name, passed: i % 2 === 1, reason: payloads[payloads.length - 1 - i] })), passedCount: 0, fatal: payloads[0], proposed: 1 };
    const questionHtml = quizHtml(item, { phase: 'question', codeGrade: failing, checks: 1 }, { topicTitle: payloads[0] });
    assertSafe(questionHtml, quizResources, `${label}: question`);
    const question = elementsOf(questionHtml);
    assert.deepEqual(within(question, 'results', 'span').filter(byClass('case')).map(textOf), payloads, `${label}: case names as text`);
    assert.deepEqual(texts(question, (e) => e.tagName === 'div' && classOf(e).includes('reason')), failing.results.filter((r) => !r.passed).map((r) => r.reason), `${label}: reasons as text`);
    assert.deepEqual(texts(question, byClass('topic')), [item.topicTitle.en]);
    // The prompt is `**title**` then the statement, as Markdown: a title over several lines can open a code block that
    // holds the statement (shown as code, harmless), so the headings are only counted under a one-line title.
    if (!fixture.title.includes('\n')) {
      assert.deepEqual(within(question, 'prompt', 'h3').map(textOf), fixture.payloads.map((p) => p.name), `${label}: the statement's payloads under their headings`);
    }
    const passing: CodeGrade = { language: 'ts', results: payloads.map((name) => ({ name, passed: true, reason: '' })), passedCount: payloads.length, proposed: 3 };
    const passedHtml = quizHtml(item, { phase: 'passed', codeGrade: passing, checks: 1, previews, proposed: 3 });
    assertSafe(passedHtml, quizResources, `${label}: passed`);
    const passed = elementsOf(passedHtml);
    assert.deepEqual(solutionCode(passed), [server(fixture.files['solution.py']).trimEnd(), server(fixture.files['solution.ts']).trimEnd()], `${label}: the solutions as code`);
    assert.deepEqual(within(passed, 'solution', 'h3').map(textOf), fixture.payloads.map((p) => p.name), `${label}: the explanation's payloads under their headings`);
    assertSafe(quizHtml(item, { phase: 'solution', previews }), quizResources, `${label}: solution shown`);
  }

  const clozeItem = (card: ClozeCard): QuizItem => ({ id: `user:${card.id}`, deckId: 'user:file:///w', topicKey: `user:file:///w/${TOPIC}`, topicTitle: { en: TOPIC }, trust: 'untrusted', card });

  function parseClozeFile(fixtures: readonly XssClozeCard[]): ClozeCard[] {
    const parsed = parseCardFile({ fileName: 'xss.cards.yaml', text: server(clozeCardFileText(TOPIC, fixtures)) });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.cards.map((card) => card.id), fixtures.map((card) => card.id));
    return parsed.cards as ClozeCard[];
  }

  /** Asked (inputs with the hints as placeholders), then revealed with what was typed, right and wrong. */
  function assertClozeSafe(card: ClozeCard, fixture: XssClozeCard, label: string): void {
    const item = clozeItem(card);
    const question = quizHtml(item, { phase: 'question' });
    assertSafe(question, quizResources, `${label}: question`);
    const inputs = elementsOf(question).filter(byTag('input'));
    assert.deepEqual(inputs.map((input) => attributeOf(input, 'data-blank')), fixture.blanks.map((blank) => String(blank.index)));
    assert.deepEqual(inputs.map((input) => attributeOf(input, 'placeholder')), fixture.blanks.map((blank) => (blank.hint === undefined ? undefined : server(blank.hint))), `${label}: hints as placeholders`);
    for (const typed of [fixture.blanks.map((blank) => server(blank.payload.text)), fixture.blanks.map((blank) => server(blank.answer))]) {
      const step: Partial<QuizStep> & { itemId: string; reason: 'new'; phase: 'revealed' } = { itemId: item.id, reason: 'new', phase: 'revealed', previews };
      cardKindOf(card).session.reveal?.(card, step as QuizStep, typed);
      const revealedHtml = quizHtml(item, step);
      assertSafe(revealedHtml, quizResources, `${label}: revealed`);
      const revealed = elementsOf(revealedHtml);
      assert.deepEqual(
        texts(revealed, byClass('yours')),
        typed.map((given) => `(${given.slice(0, 500).trim() === '' ? 'You left it empty' : `You typed “${given.slice(0, 500)}”`})`),
        `${label}: the typed answers echoed as text`,
      );
      assert.equal(revealed.filter(byClass('explanation')).length, 1);
    }
  }

  it('would see the payloads if these surfaces trusted them (the checks reach the fields)', () => {
    const body = XSS_PAYLOADS.filter((p) => p.name === 'img-onerror' || p.name === 'html-anchor-javascript');
    const fixture = xssProblems({ topic: TOPIC, payloads: body })[0];
    const problem = parsedProblem(fixture);
    const model = { problemKey: 'k', problem, language: 'en', trust: 'trusted', deckLabel: 'd', status: 'new', attempts: { ts: false, py: false }, topics: [] } as const;
    const findings = securityFindings(renderProblemDocument(model, problemResources, engine), { resources: problemResources, csp: EXPECTED_CSP });
    assert.ok(findings.some((f) => f.startsWith('event handler onerror')) && findings.some((f) => f.startsWith('href="javascript:')), findings.join('\n'));
    const [cloze] = parseClozeFile(xssClozeCards({ topic: TOPIC, payloads: body, parse: parseCloze }));
    const trusted = { ...clozeItem(cloze), trust: 'trusted' } as const;
    const step = { itemId: trusted.id, reason: 'new', phase: 'revealed', previews } as const;
    cardKindOf(cloze).session.reveal?.(cloze, step as unknown as QuizStep, []);
    const clozeFindings = securityFindings(quizHtml(trusted, step), { resources: quizResources, csp: EXPECTED_CSP });
    assert.ok(clozeFindings.some((f) => f.startsWith('event handler onerror')), clozeFindings.join('\n'));
  });

  describe('each payload alone in every field of a user-deck problem, its panel and its code card', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`${payload.category}: ${payload.name}`, () => {
        const fixture = xssProblemOf(payload, TOPIC);
        const problem = parsedProblem(fixture);
        const hostile = server(payload.text);
        const html = problemHtml(problem, fixture, hostile);
        assertSafe(html, problemResources, 'problem panel');
        assertProblemShownAsText(elementsOf(html), problem, fixture, hostile);
        assertCodeCardSafe(codeItem(problem, fixture, hostile), fixture, 'code card');
      });
    }
  });

  describe('each payload alone in a user-deck cloze card: text, blank answer and hint, explanation, typed answer', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`${payload.category}: ${payload.name}`, () => {
        const [fixture] = xssClozeCards({ topic: TOPIC, payloads: [payload], parse: parseCloze });
        const [card] = parseClozeFile([fixture]);
        assertClozeSafe(card, fixture, payload.name);
      });
    }

    it('puts most payloads into the blank itself, as its answer and hint', () => {
      const blanks = xssClozeCards({ topic: TOPIC, perCard: XSS_PAYLOADS.length, parse: parseCloze })[0].blanks;
      const asAnswer = blanks.filter((blank) => blank.answer === blank.payload.text.trim());
      const asHint = blanks.filter((blank) => blank.hint !== undefined);
      assert.ok(asAnswer.length >= XSS_PAYLOADS.length * 0.8, `${asAnswer.length} of ${blanks.length} as the answer`);
      assert.ok(asHint.length >= XSS_PAYLOADS.length * 0.8, `${asHint.length} of ${blanks.length} as the hint`);
    });
  });

  describe('the problems and cloze cards the UI test writes, loaded by the real loaders', () => {
    const problems = xssProblems({ topic: TOPIC });
    const clozeCards = xssClozeCards({ topic: TOPIC, perCard: 17, parse: parseCloze });
    let folder: string;

    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'xss-problems-'));
      for (const problem of problems) {
        fs.mkdirSync(path.join(folder, problem.id));
        for (const name of PROBLEM_FILE_NAMES) fs.writeFileSync(path.join(folder, problem.id, name), server(problem.files[name]));
      }
    });

    after(() => {
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('hold every payload, in a handful of problems and cards', () => {
      assert.deepEqual(problems.flatMap((p) => p.payloads.map((payload) => payload.name)), XSS_PAYLOADS.map((p) => p.name));
      assert.deepEqual(clozeCards.flatMap((c) => c.blanks.map((blank) => blank.payload.name)), XSS_PAYLOADS.map((p) => p.name));
      assert.ok(problems.length <= 4 && clozeCards.length <= 5);
      // The quiz takes the typed answers of 20 blanks at most (quizMessages.ts).
      assert.ok(clozeCards.every((card) => card.blanks.length <= 20));
    });

    it('loads every problem, and renders its panel and its code card safely', async function () {
      this.timeout(120_000);
      const set = await loadProblems(folder, { trusted: false });
      assert.deepEqual(set.diagnostics, []);
      assert.deepEqual(set.problems.map((p) => p.id), problems.map((p) => p.id));
      for (const [index, loaded] of set.problems.entries()) {
        assert.equal(loaded.trusted, false);
        const hostile = server(problems[index].payloads[0].text);
        const html = problemHtml(loaded, problems[index], hostile);
        assertSafe(html, problemResources, loaded.id);
        assertProblemShownAsText(elementsOf(html), loaded, problems[index], hostile);
        assertCodeCardSafe(codeItem(loaded, problems[index], hostile), problems[index], loaded.id);
      }
    });

    it('parses the cloze card file, and renders each card asked and revealed safely', function () {
      this.timeout(120_000);
      const cards = parseClozeFile(clozeCards);
      cards.forEach((card, index) => assertClozeSafe(card, clozeCards[index], card.id));
    });
  });
});
