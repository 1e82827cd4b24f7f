import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
const backticks = (text: string) => text.split('`').length - 1;

/** Every %key% used in package.json. */
function manifestKeys(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return [...new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const unescape = (literal: string) => literal.replace(/\\(.)/g, (_escape, char: string) => ESCAPES[char] ?? char);

/**
 * Every message passed to `l10n.t` in the extension's sources: `vscode.l10n.t` in the vscode layer and `l10n.t` from
 * @vscode/l10n in the vscode-free modules. A call whose message is not a plain string literal is listed apart, since
 * its key could not be checked against the bundles.
 */
function runtimeStrings(): { messages: string[]; uncheckable: string[] } {
  const messages = new Set<string>();
  const uncheckable: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const source = fs.readFileSync(file, 'utf8');
        for (const call of source.matchAll(/\bl10n\.t\(\s*/g)) {
          const literal = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1\s*[,)]/.exec(source.slice(call.index + call[0].length));
          if (literal) messages.add(unescape(literal[2]));
          else uncheckable.push(`${path.relative(ROOT, file)}:${source.slice(0, call.index).split('\n').length}`);
        }
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return { messages: [...messages].sort(), uncheckable };
}

describe('localization bundles', () => {
  it('translate every manifest key into Chinese, and nothing else', () => {
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(english).sort(), manifestKeys());
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('have a runtime bundle entry for every l10n.t message (vscode.l10n and @vscode/l10n) in both languages', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
    const { messages, uncheckable } = runtimeStrings();
    assert.deepEqual(uncheckable, [], 'l10n.t calls whose message is not a string literal');
    assert.deepEqual(Object.keys(english).sort(), messages);
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('keep the English bundle identical to its keys', () => {
    for (const [key, value] of Object.entries(readJson('l10n/bundle.l10n.json'))) assert.equal(value, key);
  });

  it('keep each string’s placeholders and code spans in the translation', () => {
    for (const [english, chinese] of [
      [readJson('package.nls.json'), readJson('package.nls.zh-cn.json')],
      [readJson('l10n/bundle.l10n.json'), readJson('l10n/bundle.l10n.zh-cn.json')],
    ]) {
      for (const key of Object.keys(english)) {
        assert.deepEqual(placeholders(chinese[key] ?? ''), placeholders(english[key]), key);
        assert.equal(backticks(chinese[key] ?? ''), backticks(english[key]), `${key}: Markdown code spans kept`);
        assert.ok(chinese[key].trim().length > 0, `${key} is translated`);
      }
    }
  });
});
