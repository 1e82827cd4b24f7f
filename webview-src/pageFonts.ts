// KaTeX's @font-face rules come in a <style> that matches no media (src/webview/core/webviewShell.ts): VS Code shows
// a webview's frame once its page has loaded, and fonts being fetched would hold that back. They are switched on
// after the first paint that follows the load, so the switch does not add a layout before it; the browser then
// fetches only the faces the page uses and swaps them in as they arrive (font-display: swap).

/** Switches the page's deferred @font-face rules on after the page has loaded and painted. */
export function loadFontsAfterFirstPaint(): void {
  const enable = () => {
    for (const sheet of document.querySelectorAll<HTMLStyleElement>('style[data-deferred-fonts]')) sheet.media = 'all';
  };
  // The timer set in an animation frame runs after that frame's paint.
  const afterPaint = () => requestAnimationFrame(() => setTimeout(enable, 0));
  if (document.readyState === 'complete') afterPaint();
  else window.addEventListener('load', afterPaint, { once: true });
}
