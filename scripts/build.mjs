#!/usr/bin/env node
// Bundles the extension host code (the vscode layer and, apart, the core), the snippet runner's worker, the webview
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
 * Two files for the extension host: dist/extension.js (the vscode layer, what activation loads) and dist/core.js (the
 * vscode-free core with its libraries: markdown-it, KaTeX, highlight.js, YAML, zod, ts-fsrs), which src/loadCore.ts
 * requires on first use. The plugin keeps that require pointing at the other file instead of bundling the core in.
 */
const lazyCorePlugin = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /^\.\/core$/ }, (args) =>
      path.basename(args.importer) === 'loadCore.ts' ? { path: './core.js', external: true } : undefined,
    );
  },
};

const extensionTarget = { ...nodeCommon, entryPoints: [rel('src/extension.ts')], outfile: rel('dist/extension.js'), external: ['vscode'], plugins: [lazyCorePlugin], metafile: true };
const coreTarget = { ...nodeCommon, entryPoints: [rel('src/core.ts')], outfile: rel('dist/core.js'), external: ['vscode'], metafile: true };

const targets = [
  extensionTarget,
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

/** A module in both host files would run twice with separate state (two localizations, two caches): refuse it. */
function checkNothingBundledTwice(extensionMeta, coreMeta) {
  const inExtension = new Set(Object.keys(extensionMeta.inputs));
  const shared = Object.keys(coreMeta.inputs).filter((input) => inExtension.has(input));
  if (shared.length > 0) {
    throw new Error(`these modules are bundled into both dist/extension.js and dist/core.js (import their values through core()):\n  ${shared.join('\n  ')}`);
  }
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

async function main() {
  const started = Date.now();
  fs.rmSync(rel('dist'), { recursive: true, force: true });
  copyKatexAssets();
  await generateEditorSnippets();
  if (watch) {
    const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('[build] watching for changes…');
    return;
  }
  const results = await Promise.all(targets.map((options) => esbuild.build(options)));
  checkNothingBundledTwice(results[targets.indexOf(extensionTarget)].metafile, results[targets.indexOf(coreTarget)].metafile);
  console.log(`[build] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
