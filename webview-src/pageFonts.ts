// KaTeX's @font-face rules come in a <style> that matches no media (src/webview/core/webviewShell.ts): fonts being
// fetched would hold back the first paint (see firstPaint.ts). They are switched on after it; the browser then
// fetches only the faces the page uses and swaps them in as they arrive (font-display: swap).
import { afterFirstPaint } from './firstPaint';

/** Switches the page's deferred @font-face rules on after the page has loaded and painted. */
export function loadFontsAfterFirstPaint(): void {
  afterFirstPaint(() => {
    for (const sheet of document.querySelectorAll<HTMLStyleElement>('style[data-deferred-fonts]')) sheet.media = 'all';
  });
}
