import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseProblemFile } from '../../../src/problems/core/problemLoader';
import { builtInCards, builtInDecks, PROBLEMS_ROOT } from './builtInDecks';
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

/**
 * The glossary entries a translation can be checked against: one English phrase of two words or more (a single word
 * such as "outlier" or "precision" has other senses) and one Chinese term, each without its parenthesised note.
 */
function phraseEntries(entries: GlossaryEntry[]): { en: string; zh: string; matches: (text: string) => boolean }[] {
  return entries.flatMap((entry) => {
    const en = entry.en.replace(/\s*\([^)]*\)/g, '').trim();
    const zh = entry['zh-cn'].replace(/（[^）]*）/g, '').trim();
    if (en.includes('/') || zh.includes('/') || !CJK.test(zh) || !/[\s-]/.test(en)) return [];
    const re = new RegExp(`(?<![\\w-])${escapeRegExp(en)}(?![\\w-])`, 'i');
    return [{ en, zh, matches: (text: string) => re.test(text) }];
  });
}

/**
 * Both languages of every built-in text that is translated as a unit: a topic section, a checklist point, a problem's
 * statement and explanation, a card field.
 */
async function translatedPairs(): Promise<{ where: string; en: string; zh: string }[]> {
  const pairs: { where: string; en: string; zh: string }[] = [];
  for (const topic of (await builtInDecks()).flatMap((deck) => deck.topics)) {
    const en = (topic.body.en ?? '').split(/^(?=## )/m);
    const zh = (topic.body['zh-cn'] ?? '').split(/^(?=## )/m);
    en.forEach((section, index) => pairs.push({ where: `${topic.id} body, "${section.split('\n')[0]}"`, en: section, zh: zh[index] ?? '' }));
    (topic.checklist?.en ?? []).forEach((point, index) => pairs.push({ where: `${topic.id} checklist[${index}]`, en: point, zh: topic.checklist?.['zh-cn']?.[index] ?? '' }));
  }
  for (const id of fs.readdirSync(PROBLEMS_ROOT).sort()) {
    const file = path.join(PROBLEMS_ROOT, id, 'problem.md');
    const parsed = fs.existsSync(file) ? parseProblemFile(file, fs.readFileSync(file, 'utf8')) : undefined;
    if (!parsed?.ok) continue; // problemLoader.test.ts and solutions.test.ts report it
    for (const part of ['statement', 'explanation'] as const) {
      pairs.push({ where: `content/problems/${id}/problem.md ${part}`, en: parsed.body.en?.[part] ?? '', zh: parsed.body['zh-cn']?.[part] ?? '' });
    }
  }
  for (const card of builtInCards().cards) {
    const fields: Record<string, { en: string; 'zh-cn': string } | undefined> = { prompt: card.prompt };
    if (card.kind === 'recall') fields.answer = card.answer;
    else fields.explanation = card.explanation;
    for (const [field, text] of Object.entries(fields)) if (text) pairs.push({ where: `${card.id} ${field}`, en: text.en, zh: text['zh-cn'] });
  }
  return pairs;
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

  it('is followed by every translation: where the English uses a glossary phrase, the Chinese uses its term (or keeps the English)', async () => {
    const phrases = phraseEntries(entries);
    assert.ok(phrases.length > 0, 'found glossary phrases');
    const problems: string[] = [];
    for (const { where, en, zh } of await translatedPairs()) {
      for (const phrase of phrases) {
        // Line breaks in a YAML block or a Markdown paragraph may fall inside a term.
        const chinese = zh.replace(/\s+/g, ' ');
        if (phrase.matches(en) && !chinese.replace(/ /g, '').includes(phrase.zh.replace(/ /g, '')) && !phrase.matches(chinese)) problems.push(`${where}: the English says "${phrase.en}", the Chinese does not say "${phrase.zh}"`);
      }
    }
    assert.ok(problems.length === 0, `${problems.length} glossary term(s) not used in the Chinese:\n${problems.join('\n')}`);
  });
});
