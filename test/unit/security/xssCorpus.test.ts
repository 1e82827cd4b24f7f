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
import { renderTopicDocument, type TopicViewModel } from '../../../src/webview/core/topicDocument';
import { newNonce, renderShell, type WebviewResources } from '../../../src/webview/core/webviewShell';
import { MOCK_ANSWER_PAYLOADS, PAYLOAD_CATEGORIES, XSS_PAYLOADS, withServers, xssDeckFiles, type XssDeckFile, type XssPayload } from '../../fixtures/xss/payloads';
import { renderMockDocument, type MockPageModel } from '../../../src/mock/core/mockDocument';
import { buildReport } from '../../../src/mock/core/mockReport';
import { setAnswer, startInterview, submit, type MockInterview } from '../../../src/mock/core/mockState';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Nothing listens at either: the HTML is only parsed. */
const SERVERS = { port: 47_123, selfOrigin: 'http://127.0.0.1:47124' };
const CSP_SOURCE = 'https://webview.test';
const resources = (nonce: string, script = 'topic.js'): WebviewResources => ({
  cspSource: CSP_SOURCE,
  nonce,
  scriptUri: `${CSP_SOURCE}/dist/webview/${script}`,
  styleUris: [`${CSP_SOURCE}/dist/webview/katex/katex.min.css`, `${CSP_SOURCE}/media/topic.css`],
});
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const RESOURCES = resources(NONCE);
/** Written out rather than computed by the code under test, so a change to the policy shows here. */
const EXPECTED_CSP =
  "default-src 'none'; style-src https://webview.test; style-src-elem https://webview.test; style-src-attr 'unsafe-inline'; " +
  "font-src https://webview.test; img-src https://webview.test; script-src 'nonce-dGVzdC1ub25jZS0xMjM0NQ=='";

/** Elements that load, frame, navigate, submit, restyle or animate attributes; none belongs in a rendered deck. */
const FORBIDDEN_ELEMENTS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'form', 'style', 'noscript', 'template',
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
    if (tag === 'link' && !(attributeOf(element, 'rel') === 'stylesheet' && expected.resources.styleUris.includes(attributeOf(element, 'href') ?? ''))) {
      findings.push(`<link rel="${attributeOf(element, 'rel')}" href="${short(attributeOf(element, 'href') ?? '')}">`);
    }
  }
  const scripts = elements.filter((element) => element.tagName.toLowerCase() === 'script');
  const shellScript = [
    { name: 'nonce', value: expected.resources.nonce },
    { name: 'src', value: expected.resources.scriptUri },
  ];
  if (scripts.length !== 1) findings.push(`${scripts.length} script elements, expected only the shell's`);
  else if (!sameAttributes(scripts[0], shellScript) || textOf(scripts[0]) !== '') {
    findings.push(`the script is not the shell's: ${scripts[0].attrs.map((attr) => `${attributeName(attr)}="${short(attr.value)}"`).join(' ')} ${short(textOf(scripts[0]))}`.trim());
  }
  const policies = elements.filter((element) => attributeOf(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  if (policies.length !== 1 || attributeOf(policies[0], 'content') !== expected.csp) {
    findings.push(`CSP: ${policies.map((p) => attributeOf(p, 'content')).join(' | ')}`);
  } else if (elements.indexOf(policies[0]) > elements.findIndex((e) => ['link', 'script', 'img', 'body'].includes(e.tagName))) {
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

function renderFile(file: XssDeckFile) {
  const parsed = parseTopicFile(path.join('/w/.interview', file.fileName), withServers(file.text, SERVERS));
  return { parsed, html: parsed.ok ? renderTopicDocument(topicModel(parsed.topic), RESOURCES, engine, {}) : undefined };
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
      '<img src="https://remote.example/pixel.png">';
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
      "2 script elements, expected only the shell's",
    ]);
    const otherPolicy = renderShell({ language: 'en', title: 't', resources: resources('other'), state: {}, body: '' });
    assert.deepEqual(securityFindings(otherPolicy, { resources: RESOURCES, csp: EXPECTED_CSP }), [
      'the script is not the shell\'s: nonce="other" src="https://webview.test/dist/webview/topic.js"',
      `CSP: ${EXPECTED_CSP.replace(NONCE, 'other')}`,
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
        const html = renderTopicDocument(topicModel(topic), RESOURCES, engine, {});
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
    topic: (nonce) => renderTopicDocument(topicModel(topic), resources(nonce), engine, {}),
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
