// Starts code-server (real VS Code in a browser) for tests, `npm start` and benchmarks, and opens its workbench
// in headless Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionCodeServer } from '../provision-code-server.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and deterministic in tests. */
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
};

/** Installs a .vsix into an extensions folder with code-server's CLI, as a user would. */
export function installExtension(vsix, { extensionsDir, userDataDir }) {
  const bin = provisionCodeServer({ quiet: true });
  const installed = spawnSync(process.execPath, [bin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (installed.status !== 0 || !/was successfully installed/.test(installed.stdout)) {
    throw new Error(`code-server --install-extension ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
  }
}

/**
 * Makes a language pack folder's display language available, as VS Code does when a language pack is installed: the
 * pack goes into the extensions folder and into the user data's languagepacks.json, which the server reads at start
 * (installing a .vsix from the command line does not write that file).
 */
function installDisplayLanguagePack(packFolder, extDir, userDataDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(packFolder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(extDir, `${id}-${manifest.version}`);
  fs.cpSync(packFolder, installed, { recursive: true });
  const packs = {};
  for (const localization of manifest.contributes.localizations) {
    packs[localization.languageId] = {
      hash: crypto.createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(installed, t.path)])),
      label: localization.localizedLanguageName ?? localization.languageName,
    };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * Starts code-server on a free loopback port with throw-away user data.
 * Returns { url, port, userDataDir, stop(), log() }.
 */
export async function startCodeServer({ settings = {}, env = {}, locale, displayLanguagePack, workspaceTrust = false, extensionsDir, keepUserData = false, installVsix, linkExtension, userDataDir: fixedUserDataDir, port: fixedPort } = {}) {
  const bin = provisionCodeServer({ quiet: true });
  const port = fixedPort ?? (await freePort());
  const userDataDir = fixedUserDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-user-'));
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  // A kept user-data folder keeps the person's own settings; only a new one gets ours.
  if (!fixedUserDataDir || !fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...TEST_SETTINGS, 'security.workspace.trust.enabled': workspaceTrust, ...settings }, null, 2));
  }
  const extDir = extensionsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-ext-'));
  if (linkExtension) {
    // A link in the extensions folder loads the working tree like an installed extension (themes and all),
    // so `npm run watch` plus Developer: Reload Window picks up changes.
    const pkg = JSON.parse(fs.readFileSync(path.join(linkExtension, 'package.json'), 'utf8'));
    fs.symlinkSync(linkExtension, path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
  }
  if (displayLanguagePack) installDisplayLanguagePack(displayLanguagePack, extDir, userDataDir);
  if (installVsix) {
    // Installed like a user would, so the workbench loads it with every built-in extension (themes included).
    installExtension(installVsix, { extensionsDir: extDir, userDataDir });
  }
  const args = [
    bin,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extDir,
    '--disable-telemetry',
    '--disable-update-check',
    // Tests that are not about restricted mode should not stop at the trust prompt.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(locale ? ['--locale', locale] : []),
  ];
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (!keepUserData && !fixedUserDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    // rmSync does not follow the link to the working tree; it removes only the temporary folder.
    if (!keepUserData && !extensionsDir) fs.rmSync(extDir, { recursive: true, force: true });
  };
  return { url, port, userDataDir, extensionsDir: extDir, stop, log: () => output };
}

/** The workbench URL that opens `folder` with the extension under development (and optionally a test module). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath = root, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (extensionDevelopmentPath) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** Launches Debian's Chromium headless. The flags keep it off this machine's closed network. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Copies the fixture workspace to a fresh temporary folder so tests can change it freely. */
export function freshWorkspace(fixture = path.join(root, 'test', 'fixtures', 'workspace')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlip-ws-'));
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}
