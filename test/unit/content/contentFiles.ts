// Shared helper for the content-wording tests: every built-in content file under content/, read once.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CONTENT = path.join(ROOT, 'content');
export const GLOSSARY = path.join(CONTENT, 'glossary.yaml');

export interface ContentFile {
  /** Path relative to the repository root, for messages. */
  file: string;
  lines: string[];
}

/** Topic Markdown, card/deck YAML and diagrams under content/ (the glossary itself excluded), split into lines. */
export function contentFiles(extensions = ['.md', '.yaml', '.yml', '.svg']): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extensions.includes(path.extname(entry.name)) && full !== GLOSSARY) {
        out.push({ file: path.relative(ROOT, full), lines: fs.readFileSync(full, 'utf8').split(/\r?\n/) });
      }
    }
  };
  walk(CONTENT);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Every line that `matches` accepts, with its file and 1-based line number. */
export function findLines(files: ContentFile[], matches: (line: string) => boolean): Hit[] {
  const hits: Hit[] = [];
  for (const { file, lines } of files) {
    lines.forEach((text, i) => {
      if (matches(text)) hits.push({ file, line: i + 1, text: text.trim() });
    });
  }
  return hits;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
