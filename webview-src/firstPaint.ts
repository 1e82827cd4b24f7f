// VS Code shows a webview's frame once its page has loaded. Work that the first screen does not need (fonts, the
// part of an article below its lead) waits until after that first paint, so it does not hold the frame back.

/** Runs `callback` after the page has loaded and the frame that follows has painted. */
export function afterFirstPaint(callback: () => void): void {
  // The timer set in an animation frame runs after that frame's paint.
  const afterPaint = () => requestAnimationFrame(() => setTimeout(callback, 0));
  if (document.readyState === 'complete') afterPaint();
  else window.addEventListener('load', afterPaint, { once: true });
}
