#!/usr/bin/env node
// Bundles the extension host code (activation's registrations and, apart, the vscode layer and the core), the snippet runner's worker, the webview
// scripts and the integration tests with esbuild, and copies KaTeX's stylesheet and fonts next to the webview scripts.
// Flags: --production (minified, no sourcemaps), --watch.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const rel = (...segments) => path.join(root, ...segments);

const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  // The bundle keeps lazy require() calls lazy: esbuild wraps each module so it runs on first use.
  logLevel: 'warning',
};

/**
 * Three files for the extension host: dist/extension.js (what activation loads: the registrations, src/extension.ts),
 * dist/features.js (the vscode layer behind them, src/features.ts), which src/loadFeatures.ts requires on first use,
 * and dist/core.js (the vscode-free core with its libraries: markdown-it, KaTeX, highlight.js, YAML, zod, ts-fsrs),
 * which src/loadCore.ts requires on first use. The plugin keeps each loader's require pointing at the other file
 * instead of bundling it in.
 */
const LAZY_FILES = { 'loadCore.ts': { './core': './core.js' }, 'loadFeatures.ts': { './features': './features.js' } };
const lazyFilesPlugin = {
  name: 'lazy-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/(core|features)$/ }, (args) => {
      const file = LAZY_FILES[path.basename(args.importer)]?.[args.path];
      return file ? { path: file, external: true } : undefined;
    });
  },
};

const hostFile = (entry, outfile) => ({ ...nodeCommon, entryPoints: [rel(entry)], outfile: rel(outfile), external: ['vscode'], plugins: [lazyFilesPlugin], metafile: true });
const extensionTarget = hostFile('src/extension.ts', 'dist/extension.js');
const featuresTarget = hostFile('src/features.ts', 'dist/features.js');
const coreTarget = hostFile('src/core.ts', 'dist/core.js');

const targets = [
  extensionTarget,
  featuresTarget,
  coreTarget,
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: production ? false : 'linked',
    entryPoints: [rel('webview-src/topic.ts'), rel('webview-src/quiz.ts'), rel('webview-src/progress.ts'), rel('webview-src/problem.ts'), rel('webview-src/mock.ts')],
    outdir: rel('dist/webview'),
    logLevel: 'warning',
  },
];

/**
 * A module in two host files would run twice with separate state (two localizations, two caches, two output
 * channels): refuse it. The one exception is plain data and stateless code in both extension.js and features.js (the
 * ids of src/constants.ts): a module there may declare no `let`/`var` and create no object at its top level.
 */
function checkNothingBundledTwice(metafiles) {
  const [extension, features, core] = ['dist/extension.js', 'dist/features.js', 'dist/core.js'].map((file) => ({ file, inputs: new Set(Object.keys(metafiles[file].inputs)) }));
  const both = (a, b) => [...a.inputs].filter((input) => b.inputs.has(input));
  const problems = [
    ...[extension, features].flatMap((file) => both(file, core).map((input) => `${input} (in ${file.file} and ${core.file}: import its values through core())`)),
    ...both(extension, features)
      .filter((input) => /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+[^=\n]*=\s*new\s/m.test(fs.readFileSync(path.resolve(root, input), 'utf8')))
      .map((input) => `${input} (holds state, in ${extension.file} and ${features.file}: use it from features only)`),
  ];
  if (problems.length > 0) throw new Error(`these modules are bundled into two host files:\n  ${problems.join('\n  ')}`);
}

const runnerWorker = rel('src/snippets/core/runner/worker.ts');
if (fs.existsSync(runnerWorker)) {
  targets.push({ ...nodeCommon, entryPoints: [runnerWorker], outfile: rel('dist/runnerWorker.js') });
}

// Integration tests run inside the extension host; they are built for development only, never packaged.
if (!production) {
  const integrationDir = rel('test/integration');
  const entries = fs.readdirSync(integrationDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(integrationDir, f));
  targets.push({ ...nodeCommon, sourcemap: 'inline', entryPoints: entries, outdir: rel('out/integration'), external: ['vscode', 'mocha'] });
  // The benchmark's payloads (scripts/bench.mjs): one runs in the extension host, the other in plain Node.
  targets.push({ ...nodeCommon, entryPoints: [rel('test/bench/index.ts'), rel('test/bench/queue.ts'), rel('test/bench/content.ts'), rel('test/bench/save.ts')], outdir: rel('out/bench'), external: ['vscode'] });
}

function copyKatexAssets() {
  const katexDist = rel('node_modules/katex/dist');
  const out = rel('dist/webview/katex');
  fs.mkdirSync(path.join(out, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(katexDist, 'katex.min.css'), path.join(out, 'katex.min.css'));
  // Webviews run in Chromium, which takes woff2: the other formats would only grow the package.
  for (const font of fs.readdirSync(path.join(katexDist, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    fs.copyFileSync(path.join(katexDist, 'fonts', font), path.join(out, 'fonts', font));
  }
}

async function generateEditorSnippets() {
  const generator = rel('src/snippets/core/editorSnippets.ts');
  if (!fs.existsSync(generator)) return;
  // Bundled on the fly so the build needs no TypeScript loader.
  const bundled = rel('out/build/editorSnippets.cjs');
  await esbuild.build({ ...nodeCommon, minify: false, sourcemap: false, entryPoints: [generator], outfile: bundled });
  const { createRequire } = await import('node:module');
  const { writeEditorSnippets } = createRequire(import.meta.url)(bundled);
  writeEditorSnippets(rel('snippets'), rel('snippets/generated/typescript.json'));
}

/**
 * dist/content.pack: the built-in decks, cards and practice problems parsed and validated by the extension's own
 * loaders (src/content/core/contentPackBuild.ts, bundled on the fly like the editor snippets), so the extension reads
 * one file instead of parsing content/ (which the .vsix then leaves out, but for the files read at run time). A problem
 * in the built-in content fails a production build and is printed by a development one.
 */
async function writeContentPack() {
  const bundled = rel('out/build/contentPack.cjs');
  await esbuild.build({ ...nodeCommon, minify: false, sourcemap: false, entryPoints: [rel('src/content/core/contentPackBuild.ts')], outfile: bundled });
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  delete require.cache[bundled];
  const { writeContentPack: write, builtInContentProblems } = require(bundled);
  const { content } = await write(root, rel('dist/content.pack'));
  const problems = builtInContentProblems(content).map((p) => `${path.relative(root, p.file)}:${p.line + 1}: ${p.message}`);
  if (problems.length > 0) {
    const message = `the built-in content has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`;
    if (production) throw new Error(message);
    console.warn(`[build] ${message}`);
  }
}

/** In watch mode the pack follows content/: rewritten (debounced) after a change there. */
function watchContent() {
  let timer;
  fs.watch(rel('content'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeContentPack().then(() => console.log('[build] content pack rewritten'), (error) => console.error(`[build] content pack: ${error instanceof Error ? error.message : error}`));
    }, 200);
  });
}

async function main() {
  const started = Date.now();
  fs.rmSync(rel('dist'), { recursive: true, force: true });
  copyKatexAssets();
  // Compressed in the thread pool while esbuild bundles.
  const pack = writeContentPack();
  await generateEditorSnippets();
  if (watch) {
    await pack;
    watchContent();
    const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('[build] watching for changes…');
    return;
  }
  const [results] = await Promise.all([Promise.all(targets.map((options) => esbuild.build(options))), pack]);
  const metafileOf = (target) => results[targets.indexOf(target)].metafile;
  checkNothingBundledTwice({ 'dist/extension.js': metafileOf(extensionTarget), 'dist/features.js': metafileOf(featuresTarget), 'dist/core.js': metafileOf(coreTarget) });
  console.log(`[build] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
