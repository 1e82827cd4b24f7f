import { randomBytes } from 'node:crypto';
import type { ContentLanguage } from '../../content/core/language';
import { escapeHtml } from '../../util/core/html';

/** What the HTML needs from a webview, behind an interface so renderers are testable without VS Code. */
export interface WebviewResources {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUris: string[];
}

/** A fresh script nonce for each render, from a cryptographic source: 128 bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The one CSP of every panel: nothing by default, our stylesheets and fonts, and one script by nonce. */
export function contentSecurityPolicy(resources: Pick<WebviewResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    // KaTeX positions glyphs with style attributes; <style> elements and remote sheets stay blocked.
    `style-src ${resources.cspSource}`,
    `style-src-elem ${resources.cspSource}`,
    "style-src-attr 'unsafe-inline'",
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
}

/** A whole webview document: CSP, stylesheets, the body, initial state in an escaped attribute, and our one script. */
export function renderShell(options: { language: ContentLanguage; title: string; resources: WebviewResources; state: unknown; body: string }): string {
  const { resources } = options;
  const styles = resources.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${options.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(options.title)}</title>
</head>
<body data-state="${escapeHtml(JSON.stringify(options.state))}">
${options.body}
<script nonce="${resources.nonce}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}
