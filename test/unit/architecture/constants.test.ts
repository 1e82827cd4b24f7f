import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, VIEW_CONTAINER, VIEWS, WEBVIEW_TYPES } from '../../../src/constants';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('ids', () => {
  it('name exactly the commands package.json contributes', () => {
    assert.deepEqual(Object.values(COMMANDS).sort(), manifest.contributes.commands.map((command) => command.command).sort());
  });

  it('name the view container, the views and the webview types package.json declares', () => {
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((container) => container.id), [VIEW_CONTAINER]);
    assert.deepEqual(manifest.contributes.views[VIEW_CONTAINER].map((view) => view.id), Object.values(VIEWS));
    // Panels revived after a reload activate the extension through their webview type.
    for (const type of [WEBVIEW_TYPES.topic, WEBVIEW_TYPES.quiz]) assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${type}`), type);
  });

  it('cover every command and context key the menus and keybindings use', () => {
    const used = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings];
    const known = new Set<string>(Object.values(COMMANDS));
    for (const entry of used) assert.ok(known.has(entry.command), entry.command);
    const contextKeys = new Set(used.flatMap((entry) => entry.when?.match(/mlInterview\.[A-Za-z]+/g) ?? []).filter((key) => !Object.values(VIEWS).includes(key as never)));
    assert.deepEqual([...contextKeys].sort(), Object.values(CONTEXT_KEYS).sort());
  });
});
