import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { KATEX_FONTS_ON_CLASS } from '../../../../src/webview/core/katexFonts';
import { hasMath, renderShell, splitKatexStylesheet, type WebviewResources } from '../../../../src/webview/core/webviewShell';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const KATEX_CSS = fs.readFileSync(path.join(require.resolve('katex/package.json'), '..', 'dist', 'katex.min.css'), 'utf8');
const KATEX_FONTS = fs.readdirSync(path.join(require.resolve('katex/package.json'), '..', 'dist', 'fonts')).filter((name) => name.endsWith('.woff2'));
const FONTS_BASE = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/katex/fonts';

function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return elements;
}
const textOf = (node: Node): string => (node.nodeName === '#text' && 'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

const resources = (overrides: Partial<WebviewResources> = {}): WebviewResources => ({
  cspSource: 'https://webview.test',
  nonce: 'bm9uY2U=',
  script: 'page();',
  styles: ['main { margin: 0; }'],
  katex: { rules: '.katex { font-size: 1.21em; }', fontFaces: '@font-face{font-family:KaTeX_Main}' },
  ...overrides,
});

describe('webview/core/webviewShell', () => {
  describe('splitKatexStylesheet', () => {
    const split = splitKatexStylesheet(KATEX_CSS, `${FONTS_BASE}/`);

    it('keeps every rule but the @font-face ones, and loses no byte of them', () => {
      const faces = KATEX_CSS.match(/@font-face\s*\{[^}]*\}/g) ?? [];
      assert.equal(faces.length, 20);
      assert.doesNotMatch(split.rules, /@font-face/);
      const katexRules = split.rules.slice(0, split.rules.lastIndexOf('\n'));
      assert.equal(katexRules, faces.reduce((css, face) => css.replace(face, ''), KATEX_CSS));
      assert.match(katexRules, /\.katex\{/);
    });

    it('ends with the rule that draws math in the page font until the page switches KaTeX fonts on', () => {
      assert.equal(
        split.rules.slice(split.rules.lastIndexOf('\n') + 1),
        'html:not(.katex-fonts) .katex,html:not(.katex-fonts) .katex *{font-family:inherit!important}',
      );
      assert.equal(KATEX_FONTS_ON_CLASS, 'katex-fonts');
    });

    it('declares each face once, from its shipped woff2 file by its webview URL, swapped in when it arrives', () => {
      const faces = split.fontFaces.match(/@font-face\{[^}]*\}/g) ?? [];
      assert.equal(faces.length, 20);
      const urls = [...split.fontFaces.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]);
      assert.deepEqual(urls.sort(), KATEX_FONTS.map((name) => `${FONTS_BASE}/${name}`).sort());
      assert.doesNotMatch(split.fontFaces, /font-display:block|\.woff\)|\.ttf\)/);
      assert.equal(split.fontFaces.match(/font-display:swap/g)?.length, 20);
      assert.ok(
        faces.includes(`@font-face{font-display:swap;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(${FONTS_BASE}/KaTeX_Main-Regular.woff2) format("woff2")}`),
        faces.join('\n'),
      );
    });
  });

  describe('renderShell', () => {
    it('inlines KaTeX rules, the page sheets and the deferred font faces, in that order, all under the nonce, in <head>', () => {
      const html = renderShell({ language: 'en', title: 't', resources: resources(), state: {}, body: '<p><span class="katex">x</span></p>' });
      const elements = elementsOf(html);
      const head = elements.find((element) => element.tagName === 'head');
      const styles = elements.filter((element) => element.tagName === 'style');
      assert.deepEqual(
        styles.map((style) => [style.parentNode === head, style.attrs.map((a) => `${a.name}=${a.value}`), textOf(style)]),
        [
          [true, ['nonce=bm9uY2U='], '.katex { font-size: 1.21em; }'],
          [true, ['nonce=bm9uY2U='], 'main { margin: 0; }'],
          [true, ['nonce=bm9uY2U=', 'media=not all', 'data-deferred-fonts='], '@font-face{font-family:KaTeX_Main}'],
        ],
      );
      const scripts = elements.filter((element) => element.tagName === 'script');
      assert.deepEqual(scripts.map((script) => [script.attrs, textOf(script)]), [[[{ name: 'nonce', value: 'bm9uY2U=' }], 'page();']]);
      assert.equal(elements.filter((element) => element.tagName === 'link').length, 0);
    });

    it('leaves KaTeX out of a page without math, unless the page says it will get some', () => {
      const plain = elementsOf(renderShell({ language: 'en', title: 't', resources: resources(), state: {}, body: '<p>text about class=&quot;katex&quot;</p>' }));
      assert.deepEqual(plain.filter((e) => e.tagName === 'style').map(textOf), ['main { margin: 0; }']);
      const later = elementsOf(renderShell({ language: 'en', title: 't', resources: resources(), state: {}, body: '<p>text</p>', math: true }));
      assert.deepEqual(later.filter((e) => e.tagName === 'style').map(textOf), ['.katex { font-size: 1.21em; }', 'main { margin: 0; }', '@font-face{font-family:KaTeX_Main}']);
      const none = elementsOf(renderShell({ language: 'en', title: 't', resources: resources({ katex: undefined }), state: {}, body: '<span class="katex">x</span>', math: true }));
      assert.deepEqual(none.filter((e) => e.tagName === 'style').map(textOf), ['main { margin: 0; }']);
    });

    it('keeps an end tag inside a script or a sheet from ending its element early', () => {
      const script = 'const s = "</script><img src=x>"; const re = /<\\/SCRIPT>/;';
      const html = renderShell({ language: 'en', title: 't', resources: resources({ script, styles: ['a::after { content: "</style><b>"; }'] }), state: {}, body: '' });
      const elements = elementsOf(html);
      assert.deepEqual(elements.filter((e) => e.tagName === 'script').map(textOf), ['const s = "<\\/script><img src=x>"; const re = /<\\/SCRIPT>/;']);
      assert.deepEqual(elements.filter((e) => e.tagName === 'style').map(textOf), ['a::after { content: "<\\/style><b>"; }']);
      assert.deepEqual(elements.filter((e) => ['img', 'b'].includes(e.tagName)), []);
      // The same program: "<\/" is "</" in a string, and "\/" is "/" in a regular expression.
      assert.equal(new Function(`${textOf(elements.filter((e) => e.tagName === 'script')[0])}; return s + re.source;`)(), '</script><img src=x><\\/SCRIPT>');
    });

    it('refuses a script holding "<!--", which could make the parser miss the script\'s end', () => {
      assert.throws(() => renderShell({ language: 'en', title: 't', resources: resources({ script: 'if (a <!--b) run();' }), state: {}, body: '' }), /<!--/);
    });

    it('escapes the nonce and keeps the CSP first in <head>', () => {
      const html = renderShell({ language: 'zh-cn', title: 't', resources: resources({ nonce: 'a"b' }), state: {}, body: '' });
      const elements = elementsOf(html);
      assert.equal(attr(elements.find((e) => e.tagName === 'html') as Element, 'lang'), 'zh-CN');
      assert.deepEqual(elements.filter((e) => e.tagName === 'style' || e.tagName === 'script').map((e) => attr(e, 'nonce')), ['a"b', 'a"b']);
      const metaCsp = elements.findIndex((e) => attr(e, 'http-equiv') === 'Content-Security-Policy');
      assert.ok(metaCsp >= 0 && metaCsp < elements.findIndex((e) => e.tagName === 'style'));
    });
  });

  it('tells KaTeX output from text that mentions it', () => {
    assert.equal(hasMath('<span class="katex"><span class="katex-mathml">'), true);
    assert.equal(hasMath('<span class="katex-display"><span class="katex">'), true);
    assert.equal(hasMath('<code>class=&quot;katex&quot;</code>'), false);
    assert.equal(hasMath('<p>No formulas.</p>'), false);
  });
});
