#!/usr/bin/env node
// Renders media/icon/icon.svg to media/icon.png (the Marketplace icon, 256×256) with the Debian Chromium the UI
// tests use. Run it after editing the SVG; the PNG is committed because packaging must not need a browser.
import path from 'node:path';
import { launchBrowser, root } from './lib/codeServer.mjs';

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.goto(`file://${path.join(root, 'media', 'icon', 'icon.svg')}`);
  const output = path.join(root, 'media', 'icon.png');
  await page.screenshot({ path: output, omitBackground: true });
  console.log(`wrote ${path.relative(root, output)}`);
} finally {
  await browser.close();
}
