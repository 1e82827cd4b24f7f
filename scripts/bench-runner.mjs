#!/usr/bin/env node
// Benchmark (not a test): time from starting a snippet run to its first output line, for the extension's
// runner (sucrase + worker thread, the Run Snippet path) beside `npx tsx` on the same file, in the same run.
// Prints medians over several runs and the ratio; writes test-results/bench-runner.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { runBuild } from './lib/build.mjs';
import { root } from './lib/codeServer.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const file = path.join(root, 'snippets', process.argv[2] ?? 'attention.ts');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function extensionRunner() {
  const bundle = path.join(root, 'out', 'bench', 'runner.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src/snippets/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const { runTypeScript } = createRequire(import.meta.url)(bundle);
  const source = fs.readFileSync(file, 'utf8');
  return () =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      let first;
      const handle = runTypeScript(source, {
        fileName: path.basename(file),
        filePath: file,
        snippetsDir: path.join(root, 'snippets'),
        workerScript: path.join(root, 'dist', 'runnerWorker.js'),
        onOutput: () => (first ??= performance.now() - started),
      });
      handle.result.then((result) => (result.status === 'ok' && first !== undefined ? resolve(first) : reject(new Error(JSON.stringify(result)))), reject);
    });
}

function tsx() {
  const bin = path.join(root, 'node_modules', '.bin', 'tsx');
  return () =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      let first;
      const child = spawn(bin, [file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', () => (first ??= performance.now() - started));
      child.on('exit', (code) => (code === 0 && first !== undefined ? resolve(first) : reject(new Error(`tsx exited ${code}`))));
    });
}

async function main() {
  await runBuild();
  const candidates = { 'Run Snippet runner': await extensionRunner(), 'npx tsx': tsx() };
  const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  // Interleaved, after one warm-up each, so machine noise hits both alike.
  for (const run of Object.values(candidates)) await run();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, run] of Object.entries(candidates)) samples[name].push(await run());
  }
  const ours = median(samples['Run Snippet runner']);
  const reference = median(samples['npx tsx']);
  console.log(`time to first output line, ${path.basename(file)}, median of ${RUNS} runs:`);
  console.log(`  Run Snippet runner  ${ours.toFixed(1)} ms`);
  console.log(`  npx tsx             ${reference.toFixed(1)} ms`);
  console.log(`  ratio               ${(ours / reference).toFixed(2)} (goal: at most 0.50)`);
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'test-results', 'bench-runner.json'), JSON.stringify({ file: path.basename(file), runs: RUNS, samples, medianMs: { runner: ours, tsx: reference }, ratio: ours / reference }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
