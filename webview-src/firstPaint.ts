// VS Code shows a webview's frame once its page has loaded, and the frame paints only once shown. Work that the first
// screen does not need (KaTeX's fonts, the part of an article below its lead) waits for that first paint, so it does
// not hold the frame back or add to what its first paint lays out.

/** A page that is not shown (a panel opened in the background) does not paint: its deferred work runs after this. */
const UNSHOWN_PAGE_WAIT_MS = 1000;

/** Runs `callback` once, in a task after the page's first contentful paint (or after a while if it never paints). */
export function afterFirstPaint(callback: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(unshown);
    callback();
  };
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length > 0) setTimeout(run, 0);
  });
  observer.observe({ type: 'paint', buffered: true });
  const unshown = setTimeout(run, UNSHOWN_PAGE_WAIT_MS);
}
