// KaTeX's @font-face rules come in a <style> that matches no media (src/webview/core/webviewShell.ts): fonts being
// fetched would hold back the first paint (see firstPaint.ts). Until then math is drawn in the page's own font. Both
// are switched after the first paint; the browser then fetches only the faces the page uses and swaps them in as
// they arrive (font-display: swap).
import { KATEX_FONTS_ON_CLASS } from '../src/webview/core/katexFonts';
import { afterFirstPaint } from './firstPaint';

/** Switches the page's deferred @font-face rules, and KaTeX's own font families, on after the page has painted. */
export function loadFontsAfterFirstPaint(): void {
  afterFirstPaint(() => {
    for (const sheet of document.querySelectorAll<HTMLStyleElement>('style[data-deferred-fonts]')) sheet.media = 'all';
    document.documentElement.classList.add(KATEX_FONTS_ON_CLASS);
  });
}
