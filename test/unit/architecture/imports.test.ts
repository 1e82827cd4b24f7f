// The layering as imports: no cycles (type imports count: they couple modules as much), and the core depends on
// nothing outside the core.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/** Each module's relative imports, comments left out. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const targets = [...text.matchAll(SPECIFIER)].flatMap((match) => resolve(file, match[2]) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

const relative = (file: string) => path.relative(SRC, file);
const isCore = (file: string) => relative(file).split(path.sep).includes('core') || relative(file) === 'core.ts';

describe('module layering', () => {
  const graph = importGraph();

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map(relative).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('keeps the core free of the vscode layer', () => {
    const leaks = [...graph].flatMap(([file, targets]) => (isCore(file) ? targets.filter((target) => !isCore(target)).map((target) => `${relative(file)} → ${relative(target)}`) : []));
    assert.deepEqual(leaks, []);
  });
});
