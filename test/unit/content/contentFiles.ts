// Shared helper for the content-wording tests: every built-in content file under content/.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CONTENT = path.join(ROOT, 'content');
export const GLOSSARY = path.join(CONTENT, 'glossary.yaml');

/** Topic Markdown, card/deck YAML and diagrams under content/, the glossary itself excluded. */
export function contentFiles(extensions = ['.md', '.yaml', '.yml', '.svg']): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extensions.includes(path.extname(entry.name)) && full !== GLOSSARY) out.push(full);
    }
  };
  walk(CONTENT);
  return out.sort();
}

export interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Every line of every file that matches `pattern` (a global or non-global RegExp). */
export function findLines(files: string[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      if (re.test(text)) hits.push({ file: path.relative(ROOT, file), line: i + 1, text: text.trim() });
    });
  }
  return hits;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
