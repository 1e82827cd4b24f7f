import { randomBytes } from 'node:crypto';
import type { ContentLanguage } from '../../content/core/language';
import { escapeHtml } from '../../util/core/html';
import { KATEX_FONTS_ON_CLASS } from './katexFonts';

/**
 * What a page's document holds besides its body, behind an interface so renderers are testable without VS Code.
 *
 * Everything the first paint needs is in the document itself: VS Code shows a webview's frame once the page has
 * loaded, and every file the page asks for is a round trip through the webview's service worker to the workbench and
 * the extension's file system (in code-server, over the network). So the page's script and stylesheets are inlined
 * under the nonce, and KaTeX's fonts, which no text needs to be readable, start loading only after the page has.
 */
export interface WebviewResources {
  cspSource: string;
  nonce: string;
  /** The page's script (dist/webview/<page>.js), run inline under the nonce. */
  script: string;
  /** The page's stylesheets (media/*.css), in order, inlined under the nonce. */
  styles: string[];
  /** KaTeX's stylesheet, split; included only when the page has math (or may get it, see renderShell's `math`). */
  katex?: KatexStyles;
}

/** KaTeX's stylesheet in two parts: its rules, and its @font-face rules with the fonts' webview URLs. */
export interface KatexStyles {
  rules: string;
  fontFaces: string;
}

/** A fresh script nonce for each render, from a cryptographic source: 128 bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Until KaTeX's fonts are switched on, math is drawn in the page's own font. Otherwise each KaTeX family the first
 * paint meets (KaTeX_Main, KaTeX_Math, …) is a font the browser does not have, and looking up a fallback for each
 * held the first paint of a page with math back by 20–40 ms (`npm run bench`, the same document with and without
 * this rule). `!important` beats KaTeX's per-class families, which are more specific than `.katex *`.
 */
const KATEX_FALLBACK_FONT_RULE = `html:not(.${KATEX_FONTS_ON_CLASS}) .katex,html:not(.${KATEX_FONTS_ON_CLASS}) .katex *{font-family:inherit!important}`;

/**
 * Splits katex.min.css into its rules and its @font-face rules. The fonts' relative URLs (`fonts/…`) become
 * `fontsBase/…` (the inlined sheet has the page's URL, not the stylesheet's); only the woff2 files ship, so the
 * other formats are dropped; and `font-display: block` becomes `swap`, since the faces are declared after the first
 * paint: text already drawn in the page's font stays visible until KaTeX's font has arrived. The rules end with the
 * one that draws math in the page's font until then (KATEX_FALLBACK_FONT_RULE).
 */
export function splitKatexStylesheet(css: string, fontsBase: string): KatexStyles {
  const base = fontsBase.replace(/\/+$/, '');
  const fontFaces: string[] = [];
  const rules = css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    fontFaces.push(
      rule
        .replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')
        .replace(/url\(\s*(['"]?)fonts\//g, (_match, quote: string) => `url(${quote}${base}/`)
        .replace(/font-display\s*:\s*block/g, 'font-display:swap'),
    );
    return '';
  });
  return { rules: `${rules}\n${KATEX_FALLBACK_FONT_RULE}`, fontFaces: fontFaces.join('') };
}

/** The one CSP of every panel: nothing by default, our inlined stylesheets and script by nonce, our fonts and images. */
export function contentSecurityPolicy(resources: Pick<WebviewResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    // KaTeX positions glyphs with style attributes; <style> elements without the nonce and remote sheets stay blocked.
    `style-src ${resources.cspSource} 'nonce-${resources.nonce}'`,
    `style-src-elem ${resources.cspSource} 'nonce-${resources.nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
}

/**
 * A sheet or script as the text of its element, which nothing in it can end early: `</script` and `</style` become
 * `<\/…` (the same text in a JavaScript string, template or regular expression, and in CSS). A script with `<!--`
 * is refused rather than rewritten: in a script element it can make the parser skip the element's end tag.
 */
function inlined(text: string, element: 'style' | 'script'): string {
  if (element === 'script' && text.includes('<!--')) throw new Error('a page script to inline holds "<!--"');
  return text.replace(element === 'script' ? /<\/(script)/gi : /<\/(style)/gi, '<\\/$1');
}

/** Whether rendered HTML holds KaTeX output. */
export function hasMath(html: string): boolean {
  return /class="katex[\s"]/.test(html);
}

/**
 * A whole webview document: CSP, the inlined stylesheets, the body, initial state in an escaped attribute, and our one
 * script. `math` says whether KaTeX's styles are needed: by default when the body has math; a page whose body is
 * replaced later by messages (the quiz, the mock interview) says true.
 */
export function renderShell(options: { language: ContentLanguage; title: string; resources: WebviewResources; state: unknown; body: string; math?: boolean }): string {
  const { resources } = options;
  const nonce = escapeHtml(resources.nonce);
  const style = (css: string, attributes = '') => `<style nonce="${nonce}"${attributes}>${inlined(css, 'style')}</style>`;
  const katex = resources.katex && (options.math ?? hasMath(options.body)) ? resources.katex : undefined;
  const styles = [...(katex ? [style(katex.rules)] : []), ...resources.styles.map((css) => style(css))];
  // Declared for no media until the page script switches them on after the first paint (webview-src/pageFonts.ts).
  if (katex) styles.push(style(katex.fontFaces, ' media="not all" data-deferred-fonts'));
  return `<!DOCTYPE html>
<html lang="${options.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>${escapeHtml(options.title)}</title>
</head>
<body data-state="${escapeHtml(JSON.stringify(options.state))}">
${options.body}
<script nonce="${nonce}">${inlined(resources.script, 'script')}</script>
</body>
</html>`;
}
