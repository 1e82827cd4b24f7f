import * as assert from 'node:assert/strict';
import { MarkdownEngine } from '../../../../src/content/core/markdownEngine';
import type { Topic } from '../../../../src/content/core/topicParser';
import { parseTopicWebviewMessage } from '../../../../src/webview/core/messages';
import { renderTopicArticle, renderTopicDocument, renderTopicUnavailableDocument, withDeferredParts, type TopicViewModel } from '../../../../src/webview/core/topicDocument';

const topic: Topic = {
  id: 'dropout',
  title: { en: 'Dropout <train/test>', 'zh-cn': '随机失活' },
  question: { en: 'How does *dropout* work?' },
  tags: [],
  snippets: [],
  related: [],
  problems: [],
  checklist: { en: ['Scales by $1/(1-p)$'], 'zh-cn': ['乘以 $1/(1-p)$'] },
  sources: [{ title: 'Dropout "paper"', authors: 'Srivastava et al.', year: 2014, url: 'https://jmlr.org/x?a=1&b=2' }],
  body: { en: 'Body.', 'zh-cn': '正文。' },
};

const model = (overrides: Partial<TopicViewModel> = {}): TopicViewModel => ({
  topicKey: 'user:file:///w/dropout',
  topic,
  trust: 'untrusted',
  language: 'en',
  deckLabel: 'w · .interview',
  openableSnippets: [],
  canQuiz: false,
  ...overrides,
});

describe('topic document', () => {
  const engine = new MarkdownEngine();

  it('renders the article: escaped title, question, body, checklist and references', () => {
    const html = renderTopicArticle(model({ topic: { ...topic, checklist: { en: ['Zero units in training'] } } }), engine, {});
    assert.equal(
      html,
      '<article lang="en"><h1>Dropout &lt;train/test&gt;</h1>\n' +
        '<section class="question" aria-label="Interview question"><p class="label">Interview question</p><blockquote>How does <em>dropout</em> work?</blockquote></section>\n' +
        '<div class="answer"><p>Body.</p>\n</div>\n' +
        '<section class="checklist"><h2>What the interviewer listens for</h2><p class="hint">Tick each point your own answer covered.</p><ul><li><label><input type="checkbox" data-index="0"> <span>Zero units in training</span></label></li></ul></section>\n' +
        '<section class="references"><h2>References</h2><ol><li><a href="https://jmlr.org/x?a=1&amp;b=2" rel="noopener noreferrer">Dropout &quot;paper&quot;</a> <span class="byline">Srivastava et al., 2014</span></li></ol></section></article>',
    );
  });

  it('renders the checklist items the user ticked as checked', () => {
    const html = renderTopicArticle(model({ topic: { ...topic, checklist: { en: ['a', 'b', 'c'] } }, checked: [0, 2] }), engine, {});
    assert.match(html, /<input type="checkbox" data-index="0" checked> <span>a<\/span>/);
    assert.match(html, /<input type="checkbox" data-index="1"> <span>b<\/span>/);
    assert.match(html, /<input type="checkbox" data-index="2" checked> <span>c<\/span>/);
    assert.deepEqual(parseTopicWebviewMessage({ type: 'setChecked', checked: [0, 2] }), { type: 'setChecked', checked: [0, 2] });
    assert.equal(parseTopicWebviewMessage({ type: 'setChecked', checked: [-1] }), undefined);
  });

  it('links the related topics it is given, each opening its topic, with escaped titles', () => {
    const html = renderTopicArticle(model({ related: [{ key: 'builtin/kv-cache', title: 'KV <cache>' }] }), engine, {});
    assert.match(
      html,
      /<section class="related"><h2>Related topics<\/h2><ul><li><button type="button" class="link" data-action="openTopic" data-topic-key="builtin\/kv-cache">KV &lt;cache&gt;<\/button><\/li><\/ul><\/section><\/article>$/,
    );
    assert.doesNotMatch(renderTopicArticle(model({ related: [] }), engine, {}), /class="related"/);
  });

  it('renders the Chinese text and labels for zh-cn', () => {
    const html = renderTopicArticle(model({ language: 'zh-cn' }), engine, {});
    assert.match(html, /^<article lang="zh-CN"><h1>随机失活<\/h1>/);
    assert.match(html, /<h2>面试官想听到的要点<\/h2>/);
    assert.match(html, /<p>正文。<\/p>/);
  });

  it('locks the document down: CSP with a nonce, only our script and styles (inlined, by nonce), escaped state', () => {
    const page = renderTopicDocument(
      model({ next: { key: 'k"2', title: 'Next <one>' } }),
      { cspSource: 'https://webview.test', nonce: 'abc123', script: 'run();', styles: ['main { margin: 0; }'] },
      engine,
      {},
    );
    const html = withDeferredParts(page);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https:\/\/webview.test &#39;nonce-abc123&#39;; style-src-elem https:\/\/webview.test &#39;nonce-abc123&#39;; style-src-attr &#39;unsafe-inline&#39;; font-src https:\/\/webview.test; img-src https:\/\/webview.test; script-src &#39;nonce-abc123&#39;">/,
    );
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="abc123">run\(\);<\/script>\n<\/body>/);
    assert.deepEqual(html.match(/<style[^>]*>[^<]*<\/style>/g), ['<style nonce="abc123">main { margin: 0; }</style>']);
    assert.match(html, new RegExp(`data-state="\\{&quot;topicKey&quot;:&quot;user:file:///w/dropout&quot;,&quot;language&quot;:&quot;en&quot;,&quot;renderId&quot;:&quot;${page.renderId}&quot;\\}"`));
    assert.match(html, /data-topic-key="k&quot;2"><span class="dir">Next<\/span><span class="title">Next &lt;one&gt;<\/span>/);
  });

  it('holds the lead, with a placeholder wherever the rest of the article and the pager go', () => {
    const long = model({
      topic: { ...topic, body: { en: '## In 30 seconds\n\nShort.\n\n## Answer\n\nLong, with $x^2$.' } },
      related: [{ key: 'builtin/kv-cache', title: 'KV cache' }],
      next: { key: 'builtin/next', title: 'Next one' },
    });
    const katex = { rules: '.katex{}', fontFaces: '@font-face{}' };
    const page = renderTopicDocument(long, { cspSource: 'c', nonce: 'n', script: '', styles: [], katex }, engine, {});
    const main = /<main>\n([\s\S]*)\n<\/main>\n(.*)\n<script/.exec(page.html);
    assert.ok(main);
    const [, article, afterMain] = main;
    assert.equal(
      article,
      '<article lang="en"><h1>Dropout &lt;train/test&gt;</h1>\n' +
        '<section class="question" aria-label="Interview question"><p class="label">Interview question</p><blockquote>How does <em>dropout</em> work?</blockquote></section>\n' +
        '<div class="answer"><h2>In 30 seconds</h2>\n<p>Short.</p>\n<template data-deferred="0"></template></div>\n<template data-deferred="1"></template></article>',
    );
    assert.equal(afterMain, '<template data-deferred="2"></template>');
    const parts = page.deferredParts();
    assert.equal(parts.length, 3);
    assert.match(parts[0], /^<h2>Answer<\/h2>\n<p>Long, with <span class="katex">/);
    assert.match(parts[1], /^<section class="checklist">[\s\S]*<section class="related">/);
    assert.match(parts[2], /^<nav class="pager" [^>]*>.*<\/nav>$/);
    // The math is in a deferred part only, and KaTeX's styles still come with the document.
    assert.match(page.html, /<style nonce="n">\.katex\{\}<\/style>/);
    // Put in place, the parts make exactly the article as a whole.
    const shown = /<main>\n([\s\S]*)\n<\/main>/.exec(withDeferredParts(page))?.[1];
    assert.equal(shown, renderTopicArticle(long, engine, {}));
  });

  it('names its content, so a page whose rest changed is a different document', () => {
    const resources = { cspSource: 'c', nonce: 'n', script: '', styles: [] };
    const a = renderTopicDocument(model({ problems: [{ key: 'builtin/p', title: 'P', difficulty: 'easy', solved: false }] }), resources, engine, {});
    const b = renderTopicDocument(model({ problems: [{ key: 'builtin/p', title: 'P', difficulty: 'easy', solved: true }] }), resources, engine, {});
    assert.equal(a.renderId, renderTopicDocument(model({ problems: [{ key: 'builtin/p', title: 'P', difficulty: 'easy', solved: false }] }), resources, engine, {}).renderId);
    assert.notEqual(a.renderId, b.renderId);
    assert.notEqual(a.html, b.html);
    assert.match(a.renderId, /^[\w-]{16}$/);
  });

  it('hides actions whose feature does not exist', () => {
    const resources = { cspSource: 'c', nonce: 'n', script: '', styles: [] };
    const bare = withDeferredParts(renderTopicDocument(model(), resources, engine, {}));
    assert.doesNotMatch(bare, /data-action="(openSnippet|quizTopic)"/);
    const full = withDeferredParts(renderTopicDocument(model({ openableSnippets: [{ id: 'layernorm', title: 'LayerNorm' }], canQuiz: true }), resources, engine, {}));
    assert.match(full, /data-action="openSnippet" data-snippet-id="layernorm"/);
    assert.match(full, /data-action="quizTopic"/);
  });
});

describe('the unavailable-topic document', () => {
  it('explains in the panel language, keeps the topic key for the serializer and stays locked down', () => {
    const resources = { cspSource: 'https://webview.test', nonce: 'n0nce', script: '', styles: [] };
    const html = renderTopicUnavailableDocument({ topicKey: 'user:file:///w/dropout', language: 'zh-cn', title: 'Dropout <x>', resources });
    assert.match(html, /<article lang="zh-CN" class="unavailable" role="status"><h1>此题目暂不可用<\/h1><p>它的文件已被删除、重命名，或现在有错误（见“问题”面板）。文件一旦能够加载，此面板会重新显示该题目。<\/p><\/article>/);
    assert.match(html, /<title>Dropout &lt;x&gt;<\/title>/);
    assert.match(html, /data-state="\{&quot;topicKey&quot;:&quot;user:file:\/\/\/w\/dropout&quot;,&quot;language&quot;:&quot;zh-cn&quot;\}"/);
    assert.match(html, /script-src &#39;nonce-n0nce&#39;/);
  });
});

describe('topic webview messages', () => {
  it('accepts the known messages', () => {
    assert.deepEqual(parseTopicWebviewMessage({ type: 'setLanguage', language: 'zh-cn' }), { type: 'setLanguage', language: 'zh-cn' });
    assert.deepEqual(parseTopicWebviewMessage({ type: 'openTopic', topicKey: 'builtin/bn-vs-ln' }), { type: 'openTopic', topicKey: 'builtin/bn-vs-ln' });
    assert.deepEqual(parseTopicWebviewMessage({ type: 'deferredParts', renderId: 'abcDEF-_12345678' }), { type: 'deferredParts', renderId: 'abcDEF-_12345678' });
  });

  it('ignores unknown, malformed and extra-field messages', () => {
    for (const raw of [null, 'openTopic', { type: 'eval', code: '1' }, { type: 'setLanguage', language: 'fr' }, { type: 'openSnippet', snippetId: '../../etc' }, { type: 'quizTopic', extra: 1 }, { type: 'deferredParts' }, { type: 'deferredParts', renderId: 'x'.repeat(65) }]) {
      assert.equal(parseTopicWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});
