import * as assert from 'node:assert/strict';
import { MarkdownEngine, sharedMarkdownEngine } from '../../../../src/content/core/markdownEngine';

const engine = new MarkdownEngine();
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><rect class="d-a" width="10" height="10"/></svg>';
const readDiagram = (name: string) => (name === 'axes' ? SVG : undefined);

describe('MarkdownEngine', () => {
  it('renders Markdown to exact HTML', () => {
    assert.equal(
      engine.render('## Answer\n\nBN uses **batch** statistics; see [the paper](https://arxiv.org/abs/1502.03167).', 'trusted'),
      '<h2>Answer</h2>\n<p>BN uses <strong>batch</strong> statistics; see <a href="https://arxiv.org/abs/1502.03167" rel="noopener noreferrer">the paper</a>.</p>\n',
    );
  });

  it('renders inline and display math with KaTeX, not raw TeX', () => {
    const html = engine.render('Mean $\\mu_c$ and\n\n$$\\hat{x} = \\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}$$', 'trusted');
    assert.match(html, /^<p>Mean <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics><mrow><msub><mi>μ<\/mi><mi>c<\/mi><\/msub><\/mrow>/);
    assert.match(html, /<p class="katex-block"><span class="katex-display"><span class="katex">/);
    assert.match(html, /<mfrac>/);
    // The TeX source survives only in MathML's annotation, for screen readers and copy.
    assert.doesNotMatch(html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, ''), /\$|\\frac/);
  });

  it('highlights fenced code with highlight.js classes', () => {
    assert.equal(
      engine.render('```python\nx = 1  # one\n```', 'trusted'),
      '<pre><code class="language-python">x = <span class="hljs-number">1</span>  <span class="hljs-comment"># one</span>\n</code></pre>\n',
    );
  });

  it('leaves code in unknown languages escaped and unhighlighted', () => {
    assert.equal(engine.render('```text\n<b>&\n```', 'trusted'), '<pre><code class="language-text">&lt;b&gt;&amp;\n</code></pre>\n');
  });

  it('inlines a built-in diagram as a figure', () => {
    assert.equal(
      engine.render('![Axes of BN and LN](diagrams/axes.svg)', 'trusted', { readDiagram }),
      `<p><figure class="diagram">${SVG}<figcaption>Axes of BN and LN</figcaption></figure></p>\n`,
    );
  });

  it('keeps raw HTML out of untrusted user decks', () => {
    assert.equal(
      engine.render('<img src=x onerror="alert(1)"> <script>alert(1)</script>', 'untrusted'),
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('allows only http(s) and in-page links in untrusted decks', () => {
    assert.equal(
      engine.render('[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) [d](https://ok.example) [e](#top)', 'untrusted'),
      '<p>[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) <a href="https://ok.example" rel="noopener noreferrer">d</a> <a href="#top">e</a></p>\n',
    );
  });

  it('does not inline diagrams in untrusted decks', () => {
    assert.equal(engine.render('![x](diagrams/axes.svg)', 'untrusted', { readDiagram }), '<p>![x](diagrams/axes.svg)</p>\n');
  });

  it('renders KaTeX \\href and \\htmlClass without trust, as inert error text', () => {
    const html = engine.render('$\\href{javascript:alert(1)}{x}$ $\\htmlClass{evil}{y}$', 'untrusted');
    assert.doesNotMatch(html, /<a |class="evil"/);
    assert.match(html, /\\href/);
  });

  it('splits before the second top-level heading of a level into a lead and a rest that join to render()', () => {
    const markdown = '## In 30 seconds\n\nShort, with $x^2$.\n\n> ## Quoted heading\n\n- ## In a list\n\n## Answer\n\nLong.\n\n### Detail\n\n## Sources\n\n[a][ref]\n\n[ref]: https://example.com\n';
    const split = engine.renderSplit(markdown, 'untrusted');
    const { lead } = split;
    const rest = split.rest();
    assert.equal(lead + rest, engine.render(markdown, 'untrusted'));
    assert.match(lead, /^<h2>In 30 seconds<\/h2>\n<p>Short, with <span class="katex">/);
    assert.match(lead, /<blockquote>\n<h2>Quoted heading<\/h2>\n<\/blockquote>\n<ul>\n<li>\n<h2>In a list<\/h2>\n<\/li>\n<\/ul>\n$/);
    assert.equal(rest, '<h2>Answer</h2>\n<p>Long.</p>\n<h3>Detail</h3>\n<h2>Sources</h2>\n<p><a href="https://example.com" rel="noopener noreferrer">a</a></p>\n');
    assert.equal(engine.renderSplit(markdown, 'untrusted', {}, { sectionsInLead: 2 }).rest().split('\n')[0], '<h2>Sources</h2>');
  });

  it('puts everything in the lead when there is no second section', () => {
    const split = engine.renderSplit('Intro.\n\n## Only\n\nText.', 'trusted');
    assert.equal(split.lead, '<p>Intro.</p>\n<h2>Only</h2>\n<p>Text.</p>\n');
    assert.equal(split.rest(), '');
  });

  it('warms up both engines, and the window shares one engine', () => {
    const fresh = new MarkdownEngine();
    fresh.warmUp();
    assert.equal(fresh.render('**x**', 'trusted'), '<p><strong>x</strong></p>\n');
    assert.equal(sharedMarkdownEngine(), sharedMarkdownEngine());
    assert.ok(sharedMarkdownEngine() instanceof MarkdownEngine);
  });
});
