/** The markdown-it instance type, without loading the module at activation. */
type MarkdownIt = InstanceType<typeof import('markdown-it').default>;
import type { KatexOptions } from 'katex';

/** Per-render data handed to markdown-it's rules through `env`. */
export interface RenderEnv {
  /** Returns the SVG markup of a built-in diagram (`diagrams/NAME.svg`), or undefined when there is none. */
  readDiagram?(name: string): string | undefined;
  // markdown-it's env is an open record; its own rules may add keys.
  [key: string | symbol]: unknown;
}

export type Trust = 'trusted' | 'untrusted';

const DIAGRAM_SOURCE = /^diagrams\/([a-z0-9-]+)\.svg$/;
const SAFE_LINK = /^(?:https?:\/\/|#)/i;

/**
 * Markdown → HTML with KaTeX math and highlighted code. Two engines: built-in content is trusted (raw HTML,
 * inlined diagrams); user decks are not (no raw HTML, only http(s) and in-page links, images as links, KaTeX without
 * `\href`).
 * markdown-it, KaTeX and highlight.js load on first render so activation stays cheap.
 */
export class MarkdownEngine {
  private readonly engines = new Map<Trust, MarkdownIt>();

  render(markdown: string, trust: Trust, env: RenderEnv = {}): string {
    return this.engine(trust).render(markdown, env);
  }

  renderInline(markdown: string, trust: Trust, env: RenderEnv = {}): string {
    return this.engine(trust).renderInline(markdown, env);
  }

  /**
   * Renders in two parts, split before the `sectionsInLead + 1`-th top-level heading of `level`: the lead (what a
   * page shows first), and the rest, rendered only when asked for (math and code cost most in rendering, not in
   * parsing). Parsed once, so the two parts join to exactly what `render` returns.
   */
  renderSplit(markdown: string, trust: Trust, env: RenderEnv = {}, { level = 2, sectionsInLead = 1 } = {}): { lead: string; rest: () => string } {
    const md = this.engine(trust);
    const tokens = md.parse(markdown, env);
    const tag = `h${level}`;
    let headings = 0;
    const split = tokens.findIndex((token) => token.type === 'heading_open' && token.level === 0 && token.tag === tag && ++headings > sectionsInLead);
    if (split < 0) return { lead: md.renderer.render(tokens, md.options, env), rest: () => '' };
    return { lead: md.renderer.render(tokens.slice(0, split), md.options, env), rest: () => md.renderer.render(tokens.slice(split), md.options, env) };
  }

  /**
   * Loads markdown-it, KaTeX and highlight.js and runs them once over a sample with math, code and a table: the first
   * page a reader opens then does not pay for that (called while the window is idle, see src/features.ts).
   */
  warmUp(): void {
    for (const trust of ['trusted', 'untrusted'] as const) this.render(WARM_UP_SAMPLE, trust);
  }

  private engine(trust: Trust): MarkdownIt {
    let engine = this.engines.get(trust);
    if (!engine) {
      engine = createEngine(trust);
      this.engines.set(trust, engine);
    }
    return engine;
  }
}

let shared: MarkdownEngine | undefined;

/** The window's one engine, which every panel renders with (its markdown-it instances are built once). */
export function sharedMarkdownEngine(): MarkdownEngine {
  shared ??= new MarkdownEngine();
  return shared;
}

const WARM_UP_SAMPLE = [
  '## Sample',
  '',
  'Text with *emphasis*, `code`, a [link](https://example.com) and math $x_i^2 = \\frac{a}{b}$.',
  '',
  '$$\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$',
  '',
  '```python',
  'def f(x):',
  '    return x * 2',
  '```',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
].join('\n');

function createEngine(trust: Trust): MarkdownIt {
  // Loaded lazily: these modules are most of the bundle's start-up cost.
  /* eslint-disable @typescript-eslint/no-require-imports */
  // markdown-it's CommonJS build exports the factory itself, not `{ default }`.
  const markdownIt = require('markdown-it') as typeof import('markdown-it').default;
  const katexPlugin = (require('@vscode/markdown-it-katex') as typeof import('@vscode/markdown-it-katex')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const trusted = trust === 'trusted';
  const md: MarkdownIt = markdownIt({
    html: trusted,
    linkify: false,
    typographer: false,
    highlight: highlightCode,
  });
  if (!trusted) {
    md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  }
  const katexOptions: KatexOptions = {
    throwOnError: false,
    // `\href`, `\url`, `\htmlClass` and friends need trust; user decks never get it.
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 1000,
    output: 'htmlAndMathml',
  };
  md.use(katexPlugin, katexOptions);
  addLinkAttributes(md);
  if (trusted) addDiagramInlining(md);
  else renderImagesAsLinks(md);
  return md;
}

/**
 * In a user deck an image becomes a link to it, which loads nothing until followed. As an <img> the webview would
 * fetch it while rendering, and the one origin the CSP lets images come from besides VS Code's CDN ('self') is, in
 * code-server, the server itself: a deck could make it GET any of its URLs with the user's cookies. A remote image
 * could not show anyway (img-src allows only the webview's own resources).
 */
function renderImagesAsLinks(md: MarkdownIt): void {
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const title = String(token.attrGet('title') ?? '');
    const text = self.renderInlineAsText(token.children ?? [], options, env) || src;
    // An image inside a link (a badge) keeps only its text: links do not nest.
    const linkDepth = tokens.slice(0, idx).reduce((depth, t) => depth + (t.type === 'link_open' ? 1 : t.type === 'link_close' ? -1 : 0), 0);
    if (linkDepth > 0) return md.utils.escapeHtml(text);
    const rel = /^https?:/i.test(src) ? ' rel="noopener noreferrer"' : '';
    return `<a href="${md.utils.escapeHtml(src)}"${title ? ` title="${md.utils.escapeHtml(title)}"` : ''}${rel}>${md.utils.escapeHtml(text)}</a>`;
  };
}

/** External links open outside the webview; the attribute tells readers (and screen readers) they leave the page. */
function addLinkAttributes(md: MarkdownIt): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    if (/^https?:/i.test(href)) tokens[idx].attrSet('rel', 'noopener noreferrer');
    return fallback(tokens, idx, options, env, self);
  };
}

/** `![alt](diagrams/NAME.svg)` becomes the SVG itself in a figure, so it can follow the theme's colours. */
function addDiagramInlining(md: MarkdownIt): void {
  const fallback = md.renderer.rules.image ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.image = (tokens, idx, options, env: RenderEnv | undefined, self) => {
    const token = tokens[idx];
    const name = DIAGRAM_SOURCE.exec(String(token.attrGet('src') ?? ''))?.[1];
    const svg = name ? env?.readDiagram?.(name) : undefined;
    if (!svg) return fallback(tokens, idx, options, env, self);
    const caption = md.utils.escapeHtml(token.content);
    return `<figure class="diagram">${svg.trim()}<figcaption>${caption}</figcaption></figure>`;
  };
}

const HIGHLIGHT_LANGUAGES = ['python', 'typescript', 'javascript', 'bash', 'json'] as const;
let highlighter: typeof import('highlight.js').default | undefined;

function highlightCode(code: string, language: string): string {
  const name = language.trim().toLowerCase();
  const known = name === 'ts' ? 'typescript' : name === 'js' ? 'javascript' : name === 'py' ? 'python' : name;
  if (!(HIGHLIGHT_LANGUAGES as readonly string[]).includes(known)) return '';
  if (!highlighter) {
    /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see createEngine */
    const core = require('highlight.js/lib/core') as typeof import('highlight.js').default;
    core.registerLanguage('python', require('highlight.js/lib/languages/python'));
    core.registerLanguage('typescript', require('highlight.js/lib/languages/typescript'));
    core.registerLanguage('javascript', require('highlight.js/lib/languages/javascript'));
    core.registerLanguage('bash', require('highlight.js/lib/languages/bash'));
    core.registerLanguage('json', require('highlight.js/lib/languages/json'));
    /* eslint-enable @typescript-eslint/no-require-imports */
    highlighter = core;
  }
  return highlighter.highlight(code, { language: known, ignoreIllegals: true }).value;
}
