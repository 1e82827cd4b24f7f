// Shared by the host's documents (webviewShell.ts) and the pages' script (webview-src/pageFonts.ts): nothing else is
// imported here, so the page bundle stays free of Node modules.

/** The class the page script puts on <html> when it switches KaTeX's fonts on, after the first paint. */
export const KATEX_FONTS_ON_CLASS = 'katex-fonts';
