import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

// The extension's zod vendor file exports only the builders listed in scripts/build.mjs; a builder used in src/ but
// missing there would be undefined at run time in the packaged extension while every source-level test still passes.
describe('build: the zod vendor file', () => {
  it('exports every zod builder the extension calls', () => {
    const build = fs.readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    const listed = /const ZOD_FUNCTIONS = \[([^\]]*)\]/.exec(build)?.[1];
    assert.ok(listed, 'scripts/build.mjs lists ZOD_FUNCTIONS');
    const exported = new Set([...listed.matchAll(/'([^']+)'/g)].map((match) => match[1]));
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      if (!/from 'zod'/.test(text)) continue;
      // Values only: `z.name(` calls and `z.name.` namespaces (such as z.iso.datetime); types are erased.
      for (const match of text.matchAll(/\bz\.([A-Za-z]+)(?=\(|\.)/g)) if (match[1] !== 'core') used.add(match[1]);
    }
    assert.ok(used.size > 5, `found the zod calls (${[...used].join(', ')})`);
    assert.deepEqual([...used].filter((name) => !exported.has(name)).sort(), []);
  });
});
