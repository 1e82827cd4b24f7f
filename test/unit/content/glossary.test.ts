import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { GLOSSARY, contentFiles, escapeRegExp, findLines } from './contentFiles';

interface GlossaryEntry {
  en: string;
  'zh-cn': string;
  avoid?: string[];
  note?: string;
}

const CJK = /[\u3400-\u9fff]/;

/** A Chinese spelling matches as a substring (spaces optional); a Latin one as a whole word, case-insensitive. */
function avoidMatcher(spelling: string): (line: string) => boolean {
  if (CJK.test(spelling) && !spelling.includes(' ')) return (line) => line.includes(spelling);
  const body = escapeRegExp(spelling).replace(/ /g, '\\s*');
  const re = CJK.test(spelling) ? new RegExp(body) : new RegExp(`(?<![\\w-])${body}(?![\\w-])`, 'i');
  return (line) => re.test(line);
}

describe('glossary', () => {
  const entries = parse(fs.readFileSync(GLOSSARY, 'utf8')) as GlossaryEntry[];

  it('is a list of entries with en, zh-cn and an optional list of spellings to avoid', () => {
    assert.ok(Array.isArray(entries) && entries.length > 0, 'content/glossary.yaml is a non-empty list');
    for (const [i, entry] of entries.entries()) {
      const where = `content/glossary.yaml entry ${i + 1} (${entry?.en})`;
      assert.equal(typeof entry.en, 'string', `${where}: en is a string`);
      assert.equal(typeof entry['zh-cn'], 'string', `${where}: zh-cn is a string`);
      if (entry.avoid !== undefined) {
        assert.ok(Array.isArray(entry.avoid), `${where}: avoid is a list`);
        for (const spelling of entry.avoid) {
          assert.equal(typeof spelling, 'string', `${where}: every avoid spelling is a string`);
          assert.ok(!entry['zh-cn'].includes(spelling), `${where}: the chosen term "${entry['zh-cn']}" does not contain the avoided "${spelling}"`);
        }
      }
    }
  });

  it('lists each avoided spelling once', () => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      for (const spelling of entry.avoid ?? []) {
        assert.ok(!seen.has(spelling), `"${spelling}" is avoided by both "${seen.get(spelling)}" and "${entry.en}"`);
        seen.set(spelling, entry.en);
      }
    }
  });

  it('no built-in content file uses a spelling the glossary avoids', () => {
    const files = contentFiles();
    assert.ok(files.length > 0, 'found content files');
    const problems: string[] = [];
    for (const entry of entries) {
      for (const spelling of entry.avoid ?? []) {
        for (const hit of findLines(files, avoidMatcher(spelling))) {
          problems.push(`${hit.file}:${hit.line}: "${spelling}" — use "${entry['zh-cn']}" (${entry.en}): ${hit.text.slice(0, 120)}`);
        }
      }
    }
    assert.ok(problems.length === 0, `${problems.length} glossary spelling(s) to avoid found:\n${problems.join('\n')}`);
  });
});
