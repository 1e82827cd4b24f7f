#!/usr/bin/env node
// Bundles the extension host code, the snippet runner's worker, the webview scripts and the integration tests
// with esbuild, and copies KaTeX's stylesheet and fonts next to the webview scripts.
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
 * Packages the extension loads only when first needed (the Markdown engine, KaTeX and highlight.js on the first render;
 * YAML and zod on the first deck or message parsed) go into files of their own under dist/vendor/: left in dist/extension.js, Node
 * would parse all ~550 KiB of them on every activation. Our code keeps requiring them by package name; the plugin
 * points those requires at the vendor files.
 */
const HIGHLIGHT_LANGUAGES = ['python', 'typescript', 'javascript', 'bash', 'json'];
const VENDOR_PACKAGES = {
  'markdown-it': 'markdown-it.js',
  '@vscode/markdown-it-katex': 'markdown-it-katex.js',
  'highlight.js/lib/core': 'highlight-core.js',
  ...Object.fromEntries(HIGHLIGHT_LANGUAGES.map((language) => [`highlight.js/lib/languages/${language}`, `highlight-${language}.js`])),
  yaml: 'yaml.js',
  zod: 'zod.js',
  // Shared by extension.js and quizRuntime.js: one configuration of the message bundle for both.
  '@vscode/l10n': 'l10n.js',
};
/**
 * zod's entry point re-exports every locale (~260 KiB, as `z.locales`), so its vendor file exports only the schema
 * builders our code calls (`z.<name>(…)` in src/); tree-shaking drops the rest. Add a name here when code uses a new one.
 */
const ZOD_FUNCTIONS = ['array', 'boolean', 'codec', 'date', 'discriminatedUnion', 'enum', 'iso', 'literal', 'number', 'object', 'record', 'strictObject', 'string', 'union'];
const vendorSource = (name) =>
  name === 'zod' ? `export { ${ZOD_FUNCTIONS.join(', ')} } from 'zod';` : `module.exports = require(${JSON.stringify(name)});`;
const vendorPlugin = {
  name: 'vendor',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(VENDOR_PACKAGES).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${VENDOR_PACKAGES[args.path]}`, external: true }));
    // The quiz core (~85 KiB with ts-fsrs) is its own file, required when the quiz first loads (registerQuiz's import()).
    if (build.initialOptions.outfile === rel('dist/extension.js')) {
      build.onResolve({ filter: /^\.\/quizRuntime$/ }, () => ({ path: './quizRuntime.js', external: true }));
    }
  },
};
const vendorTargets = Object.entries(VENDOR_PACKAGES).map(([name, file]) => ({
  ...nodeCommon,
  sourcemap: false,
  stdin: { contents: vendorSource(name), resolveDir: root, loader: 'js' },
  outfile: rel('dist/vendor', file),
}));

const targets = [
  { ...nodeCommon, entryPoints: [rel('src/extension.ts')], outfile: rel('dist/extension.js'), external: ['vscode'], plugins: [vendorPlugin] },
  { ...nodeCommon, entryPoints: [rel('src/quiz/quizRuntime.ts')], outfile: rel('dist/quizRuntime.js'), external: ['vscode'], plugins: [vendorPlugin] },
  ...vendorTargets,
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: production ? false : 'linked',
    entryPoints: [rel('webview-src/topic.ts'), rel('webview-src/quiz.ts'), rel('webview-src/progress.ts')],
    outdir: rel('dist/webview'),
    logLevel: 'warning',
  },
];

const runnerWorker = rel('src/snippets/runner/worker.ts');
if (fs.existsSync(runnerWorker)) {
  targets.push({ ...nodeCommon, entryPoints: [runnerWorker], outfile: rel('dist/runnerWorker.js') });
}

// Integration tests run inside the extension host; they are built for development only, never packaged.
if (!production) {
  const integrationDir = rel('test/integration');
  const entries = fs.readdirSync(integrationDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(integrationDir, f));
  targets.push({ ...nodeCommon, sourcemap: 'inline', entryPoints: entries, outdir: rel('out/integration'), external: ['vscode', 'mocha'] });
  // The benchmark's payloads (scripts/bench.mjs): one runs in the extension host, the other in plain Node.
  targets.push({ ...nodeCommon, entryPoints: [rel('test/bench/index.ts'), rel('test/bench/queue.ts')], outdir: rel('out/bench'), external: ['vscode'] });
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
  const generator = rel('src/snippets/editorSnippets.ts');
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
  await Promise.all(targets.map((options) => esbuild.build(options)));
  console.log(`[build] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
