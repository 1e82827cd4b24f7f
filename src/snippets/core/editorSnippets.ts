/**
 * Builds the VS Code snippet file (snippets/generated/typescript.json, written by the
 * build) from the snippet sources, so the editor snippets can never drift from the
 * files that are tested against PyTorch.
 *
 * Each body is the file without its demo block (the trailing
 * `if (require.main === module) { … }`), so inserting it into user code runs nothing, and with the helpers it imports
 * from the other snippet files in place of the import (selfContained.ts), so it type-checks where it lands.
 * Snippet syntax treats `$` (tab stops, variables) and `\` specially, so both are
 * escaped; unescapeSnippetBody() undoes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContentLanguage } from '../../content/core/language';
import { SNIPPET_CATALOG, type SnippetInfo } from './catalog';
import { selfContainedSnippet, stripDemo } from './selfContained';

/** One entry of a VS Code snippet file. */
export interface VsCodeSnippet {
  prefix: string;
  body: string[];
  description: string;
}

/** A VS Code snippet file: snippet name → snippet. */
export type VsCodeSnippetFile = Record<string, VsCodeSnippet>;

/** Escapes text for a snippet body: `\` → `\\` first, then `$` → `\$`. */
export function escapeSnippetText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\$/g, '\\$');
}

/** Inverse of escapeSnippetText for one line. */
export function unescapeSnippetText(text: string): string {
  return text.replace(/\\([\\$])/g, '$1');
}

/** The exact source text a snippet body inserts (before VS Code's own indentation handling). */
export function unescapeSnippetBody(body: string[]): string {
  return body.map(unescapeSnippetText).join('\n');
}

/** The snippet-file object for every snippet in `catalog`, read from `snippetsDir`. */
export function buildEditorSnippets(
  snippetsDir: string,
  catalog: readonly SnippetInfo[] = SNIPPET_CATALOG,
  locale: ContentLanguage = 'en',
): VsCodeSnippetFile {
  const file: VsCodeSnippetFile = {};
  for (const snippet of catalog) {
    const fileName = `${snippet.id}.ts`;
    stripDemo(fs.readFileSync(path.join(snippetsDir, fileName), 'utf8'), fileName);
    // What Insert Snippet inserts: the code with the helpers it needs from the other snippet files, without the demo.
    const body = selfContainedSnippet(snippet.id, (id) => fs.readFileSync(path.join(snippetsDir, `${id}.ts`), 'utf8'), { demo: false }).replace(/\n$/, '');
    file[snippet.title[locale]] = {
      prefix: snippet.prefix,
      body: body.split('\n').map(escapeSnippetText),
      description: snippet.description[locale],
    };
  }
  return file;
}

/** Writes the English snippet file for the build (e.g. to snippets/generated/typescript.json). */
export function writeEditorSnippets(snippetsDir: string, outFile: string): void {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(buildEditorSnippets(snippetsDir), null, 2)}\n`);
}
