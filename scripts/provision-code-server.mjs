#!/usr/bin/env node
// Installs code-server (real VS Code from the npm registry) into .vscode-test/ and reuses it.
// Desktop VS Code cannot be downloaded on machines without internet; code-server can, from npm.
// Usage: node scripts/provision-code-server.mjs  → prints the path of the code-server launcher.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** code-server's engines.node must match the running Node's major (4.100.3 → Node 20, 4.104+ → 22). */
const VERSION_BY_NODE_MAJOR = { 20: '4.100.3', 22: '4.104.3', 24: '4.139.1' };

export function codeServerVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  const version = process.env.CODE_SERVER_VERSION ?? VERSION_BY_NODE_MAJOR[major];
  if (!version) {
    throw new Error(`No code-server version is known for Node ${process.versions.node}; set CODE_SERVER_VERSION.`);
  }
  return version;
}

export function codeServerDir(version = codeServerVersion()) {
  return path.join(root, '.vscode-test', `code-server-${version}`);
}

export function codeServerBin(version = codeServerVersion()) {
  return path.join(codeServerDir(version), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Debian packages the install and the tests need, with the file that proves each is present. */
const SYSTEM_REQUIREMENTS = [
  { pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', why: 'kerberos headers for code-server\'s native modules' },
  { pkg: 'ripgrep', file: '/usr/bin/rg', why: 'ripgrep binary (code-server\'s @vscode/ripgrep cannot download it offline)' },
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'headless browser that drives the workbench in tests' },
  { pkg: 'g++', file: '/usr/bin/g++', why: 'C++ compiler for native modules' },
  { pkg: 'make', file: '/usr/bin/make', why: 'build tool for native modules' },
];

export function missingSystemPackages() {
  return SYSTEM_REQUIREMENTS.filter((r) => !fs.existsSync(r.file));
}

function assertSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const lines = missing.map((m) => `  - ${m.pkg}: ${m.why} (missing ${m.file})`);
  throw new Error(
    `code-server needs these Debian packages:\n${lines.join('\n')}\n` +
      `Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`,
  );
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball; seed that cache with
 * Debian's rg. Versions are read from the installed code-server (its shrinkwrap) and the package's own postinstall.
 */
function seedRipgrepCache(codeServerPackageDir) {
  const shrinkwrap = JSON.parse(fs.readFileSync(path.join(codeServerPackageDir, 'lib', 'vscode', 'npm-shrinkwrap.json'), 'utf8'));
  const ripgrepVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!ripgrepVersion) throw new Error('Cannot find @vscode/ripgrep in code-server\'s npm-shrinkwrap.json');
  const unpackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ripgrep-pkg-'));
  const tarballName = execFileSync('npm', ['pack', `@vscode/ripgrep@${ripgrepVersion}`, '--silent'], { cwd: unpackDir, encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', tarballName, 'package/lib/postinstall.js'], { cwd: unpackDir });
  const postinstall = fs.readFileSync(path.join(unpackDir, 'package', 'lib', 'postinstall.js'), 'utf8');
  const tag = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  fs.rmSync(unpackDir, { recursive: true, force: true });
  if (!tag) throw new Error(`Cannot read the ripgrep release tag from @vscode/ripgrep@${ripgrepVersion}`);
  const cache = path.join(process.env.TMPDIR ?? os.tmpdir(), `vscode-ripgrep-cache-${ripgrepVersion}`);
  fs.mkdirSync(cache, { recursive: true });
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch] ?? process.arch;
  execFileSync('tar', ['czf', path.join(cache, `ripgrep-${tag}-${arch}-unknown-linux-musl.tar.gz`), '-C', '/usr/bin', 'rg']);
}

export function provisionCodeServer({ quiet = false } = {}) {
  const version = codeServerVersion();
  const bin = codeServerBin(version);
  const log = (msg) => {
    if (!quiet) console.error(`[code-server] ${msg}`);
  };
  if (fs.existsSync(bin)) {
    log(`reusing ${path.relative(root, codeServerDir(version))}`);
    return bin;
  }
  assertSystemPackages();
  const dir = codeServerDir(version);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  log(`installing code-server ${version} into ${path.relative(root, dir)} (a minute or two)…`);
  const started = Date.now();
  // Scripts wait until the ripgrep cache is seeded; its postinstall (which builds native modules) runs via rebuild.
  const npm = (args) =>
    spawnSync('npm', args, {
      cwd: dir,
      stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    });
  let result = npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', `code-server@${version}`]);
  if (result.status === 0) {
    seedRipgrepCache(path.join(dir, 'node_modules', 'code-server'));
    result = npm(['rebuild', '--foreground-scripts']);
  }
  if (result.status !== 0 || !fs.existsSync(bin)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm install code-server@${version} failed (exit ${result.status}); see the output above.`);
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(provisionCodeServer());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
