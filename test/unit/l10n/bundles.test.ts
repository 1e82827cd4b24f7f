import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

/** Every %key% used in package.json. */
function manifestKeys(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return [...new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
}

/** Every string literal passed to vscode.l10n.t in the extension's sources. */
function runtimeStrings(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const source = fs.readFileSync(file, 'utf8');
        for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(match[1].replace(/\\(.)/g, '$1'));
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return [...found].sort();
}

describe('localization bundles', () => {
  it('translate every manifest key into Chinese, and nothing else', () => {
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(english).sort(), manifestKeys());
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('have a runtime bundle entry for every vscode.l10n.t string in both languages', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(english).sort(), runtimeStrings());
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('keep each string’s placeholders in the translation', () => {
    for (const [english, chinese] of [
      [readJson('package.nls.json'), readJson('package.nls.zh-cn.json')],
      [readJson('l10n/bundle.l10n.json'), readJson('l10n/bundle.l10n.zh-cn.json')],
    ]) {
      for (const key of Object.keys(english)) {
        assert.deepEqual(placeholders(chinese[key] ?? ''), placeholders(english[key]), key);
        assert.ok(chinese[key].trim().length > 0, `${key} is translated`);
      }
    }
  });
});
