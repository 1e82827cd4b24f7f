import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { SNIPPET_CATALOG } from '../../../../src/snippets/core/catalog';
import { runTypeScript, type OutputChunk } from '../../../../src/snippets/core/runner';
import { declaredNames, neededHelpers, selfContainedSnippet } from '../../../../src/snippets/core/selfContained';
import { SNIPPETS_DIR } from '../golden';

const read = (id: string) => fs.readFileSync(path.join(SNIPPETS_DIR, `${id}.ts`), 'utf8');
const WORKER_SHIM = path.resolve(__dirname, 'runner', 'fixtures', 'worker-shim.js');

const LIBRARIES = new Map<string, ts.SourceFile>();

/**
 * Type-checks one file on its own, as VS Code does an untitled editor or a file in a project without Node's types:
 * strict, the default libraries (ES and DOM), no @types, nothing beside it to import.
 */
function typeErrors(fileName: string, text: string): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
  const host = ts.createCompilerHost(options);
  const file = path.join('/virtual', fileName);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    if (name === file) return ts.createSourceFile(name, text, language);
    // The libraries are the same for every check: parse them once.
    let cached = LIBRARIES.get(name);
    if (!cached) {
      cached = original(name, language);
      if (cached) LIBRARIES.set(name, cached);
    }
    return cached;
  };
  host.fileExists = ((exists) => (name: string) => name === file || (!name.startsWith('/virtual') && exists(name)))(host.fileExists.bind(host));
  host.readFile = ((readFile) => (name: string) => (name === file ? text : name.startsWith('/virtual') ? undefined : readFile(name)))(host.readFile.bind(host));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.start !== undefined ? d.file?.getLineAndCharacterOfPosition(d.start).line : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

async function runOutput(source: string): Promise<string> {
  const chunks: OutputChunk[] = [];
  const handle = runTypeScript(source, { fileName: 'Untitled-1.ts', snippetsDir: '/nonexistent', workerScript: WORKER_SHIM, onOutput: (chunk) => chunks.push(chunk) });
  const result = await handle.result;
  assert.equal(result.status, 'ok', result.message);
  return chunks.map((chunk) => chunk.text).join('');
}

describe('self-contained snippets (Open Snippet, Insert Snippet, mlip- editor snippets)', function () {
  this.timeout(60_000);

  it('takes only the helpers a snippet uses, and what they use, dependencies first', () => {
    const layerNorm = neededHelpers('layernorm', read);
    assert.deepEqual(layerNorm.map((group) => [group.from, group.declarations.map((d) => d.name)]), [['tensor', ['Matrix', 'shapeOf', 'checkMatrix', 'checkVector', 'describe']]]);
    assert.deepEqual(neededHelpers('encoder-layer', read).map((group) => group.from), ['tensor', 'attention', 'layernorm']);
    assert.deepEqual(neededHelpers('lamb', read), []);
  });

  for (const info of SNIPPET_CATALOG) {
    it(`${info.id}: the opened copy and the inserted code type-check on their own, with no relative import`, () => {
      const opened = selfContainedSnippet(info.id, read, { demo: true });
      const inserted = selfContainedSnippet(info.id, read, { demo: false });
      for (const text of [opened, inserted]) {
        assert.doesNotMatch(text, /from '\.\//, 'no relative import is left');
        assert.doesNotMatch(text, /require\.main|require\(/, 'nothing that needs Node’s type definitions');
      }
      assert.deepEqual(typeErrors(`${info.id}.ts`, opened), [], 'the opened copy type-checks');
      assert.deepEqual(typeErrors(`inserted-${info.id}.ts`, inserted), [], 'the inserted code type-checks');
      const header = read(info.id).slice(0, read(info.id).indexOf('*/') + 2);
      assert.ok(opened.startsWith(header) && inserted.startsWith(header), 'the header comment is kept');
    });

    it(`${info.id}: the opened copy runs on its own and prints what the tested file prints`, async () => {
      const opened = selfContainedSnippet(info.id, read, { demo: true });
      const expected: string[] = [];
      const handle = runTypeScript(read(info.id), {
        fileName: `${info.id}.ts`,
        filePath: path.join(SNIPPETS_DIR, `${info.id}.ts`),
        snippetsDir: SNIPPETS_DIR,
        workerScript: WORKER_SHIM,
        onOutput: (chunk) => expected.push(chunk.text),
      });
      assert.equal((await handle.result).status, 'ok');
      assert.equal(await runOutput(opened), expected.join(''));
      assert.doesNotMatch(expected.join(''), /'-?\d+(\.\d+)?'/, 'the demo prints numbers as numbers, not quoted strings');
    });
  }

  it('the tested files themselves do not type-check alone (their helpers are in other files): what the user saw before', () => {
    assert.ok(typeErrors('layernorm.ts', read('layernorm')).some((error) => /Cannot find module '\.\/tensor'/.test(error)));
  });

  it('leaves out helpers the target file already declares, so a second insert adds no duplicate', () => {
    const first = selfContainedSnippet('layernorm', read, { demo: false });
    const second = selfContainedSnippet('attention', read, { demo: false, existingNames: declaredNames(first) });
    assert.doesNotMatch(second, /export function checkMatrix/);
    assert.match(second, /export function matmul/);
    assert.deepEqual(typeErrors('both.ts', `${first}\n${second}`), []);
  });
});
