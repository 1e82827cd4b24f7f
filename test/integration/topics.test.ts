import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { TopicTreeNode } from '../../src/views/topicTree';
import { activateExtension, closeAllEditors, waitFor, webviewTabs } from './helpers';

const BUILT_IN_KEYS = [
  'builtin/bn-vs-ln',
  'builtin/self-attention',
  'builtin/bert-pretraining',
  'builtin/pre-norm-vs-post-norm',
  'builtin/gpt-vs-bert',
  'builtin/speeding-up-bert',
];

async function builtInTopics(api: ExtensionApi): Promise<TopicTreeNode[]> {
  const decks = await api.treeChildren();
  const builtIn = decks.find((node) => node.kind === 'deck' && node.deck.trusted);
  assert.ok(builtIn, 'the tree has a built-in deck');
  return (await api.treeChildren(builtIn)).filter((node) => node.kind === 'topic');
}

function keyOf(node: TopicTreeNode): string {
  assert.equal(node.kind, 'topic');
  return node.kind === 'topic' ? node.topic.key : '';
}

describe('topics in the real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('mlInterview').update('language', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['mlInterview.openTopic', 'mlInterview.refreshTopics', 'mlInterview.newDeckFile']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('New Deck File writes a starter named after the title it is given, and a second one beside it', async () => {
    const first = (await vscode.commands.executeCommand('mlInterview.newDeckFile', 'Gradient clipping')) as vscode.Uri;
    const second = (await vscode.commands.executeCommand('mlInterview.newDeckFile', 'Gradient clipping')) as vscode.Uri;
    try {
      assert.match(first.path, /\/\.interview\/gradient-clipping\.md$/);
      assert.match(second.path, /\/\.interview\/gradient-clipping-2\.md$/);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
      assert.match(text, /^---\nid: gradient-clipping\n/);
      assert.match(text, /\n {2}en: Gradient clipping\n/);
      assert.doesNotMatch(text, /dropout/i);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), second.toString());
    } finally {
      await closeAllEditors();
      for (const uri of [first, second]) await vscode.workspace.fs.delete(uri);
    }
  });

  it('moves the tree’s selection to the topic whose panel is active', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mlInterview');
    const [first, second] = (await builtInTopics(api)).map((node) => (node.kind === 'topic' ? node.topic.key : ''));
    await vscode.commands.executeCommand('mlInterview.openTopic', first);
    await waitFor('the tree to select the opened topic', () => api.treeSelection().join() === first);
    await vscode.commands.executeCommand('mlInterview.openTopic', second);
    await waitFor('the tree to select the second topic', () => api.treeSelection().join() === second);
    // Back to the first panel's tab: the selection follows it.
    await vscode.commands.executeCommand('workbench.action.previousEditor');
    await waitFor('the tree to follow the active panel', () => api.treeSelection().join() === first);
  });

  it('lists the six seed topics in the seed order, each with a title and an icon', async () => {
    const topics = await builtInTopics(api);
    assert.deepEqual(topics.map(keyOf), BUILT_IN_KEYS);
    for (const node of topics) {
      const item = api.treeItem(node);
      assert.ok(typeof item.label === 'string' && item.label.length > 0);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.equal(item.command?.command, 'mlInterview.openTopic');
    }
  });

  it('opens a topic in a webview panel, and reveals the same panel when opened again', async () => {
    await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/self-attention');
    await waitFor('the topic panel', () => webviewTabs('mlInterview.topic').length === 1);
    assert.deepEqual(api.openTopicKeys(), ['builtin/self-attention']);
    await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/self-attention');
    assert.equal(webviewTabs('mlInterview.topic').length, 1);
    const html = api.topicPanelHtml('builtin/self-attention') ?? '';
    assert.match(html, /<h1>Self-attention/);
    assert.match(html, /class="katex"/, 'math is rendered by KaTeX in the extension host');
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('opens every built-in topic without error', async () => {
    for (const key of BUILT_IN_KEYS) {
      assert.equal(await vscode.commands.executeCommand('mlInterview.openTopic', key), true, key);
    }
    await waitFor('six panels', () => webviewTabs('mlInterview.topic').length === 6);
    for (const key of BUILT_IN_KEYS) {
      const html = api.topicPanelHtml(key) ?? '';
      assert.match(html, /<figure class="diagram"><svg/, `${key} shows its diagram`);
      // KaTeX marks a formula it could not render with this class (its stylesheet, inlined in the page, names it too).
      assert.doesNotMatch(html, /class="[^"]*\bkatex-error\b/, `${key} has no KaTeX errors`);
    }
  });

  it('switches the rendered language with the setting', async () => {
    await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/bn-vs-ln');
    await vscode.workspace.getConfiguration('mlInterview').update('language', 'en', vscode.ConfigurationTarget.Global);
    await waitFor('English tree labels', async () => api.treeItem((await builtInTopics(api))[0]).label === 'BatchNorm vs LayerNorm');
    await closeAllEditors();
    await vscode.workspace.getConfiguration('mlInterview').update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    await waitFor('Chinese tree labels', async () => /BN/.test(String(api.treeItem((await builtInTopics(api))[0]).label)) && /[\u4e00-\u9fff]/.test(String(api.treeItem((await builtInTopics(api))[0]).label)));
    await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/bn-vs-ln');
    await waitFor('a Chinese panel', () => /<article lang="zh-CN">/.test(api.topicPanelHtml('builtin/bn-vs-ln') ?? ''));
  });

  it('shows a user deck from the workspace and reports a broken file in the Problems panel', async () => {
    const userDeck = await waitFor('the user deck', async () => (await api.treeChildren()).find((node) => node.kind === 'deck' && !node.deck.trusted));
    assert.equal(userDeck.kind, 'deck');
    const children = await api.treeChildren(userDeck);
    assert.deepEqual(
      children.map((node) => (node.kind === 'topic' ? node.topic.id : node.kind)),
      ['dropout', 'problems'],
    );
    const broken = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.interview', 'broken.md');
    const diagnostics = await waitFor('a diagnostic on broken.md', () => {
      const list = vscode.languages.getDiagnostics(broken);
      return list.length > 0 ? list : undefined;
    });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 4, 'the diagnostic points at the misspelled field');
    assert.match(diagnostics[0].message, /unknown field `sumary`/);
    // The problem links to the deck format shipped with the extension, not to a path in the user's workspace.
    const code = diagnostics[0].code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'deck-format');
    const extensionRoot = vscode.extensions.getExtension('ml-interview-prep.ml-interview-prep')!.extensionUri;
    assert.equal(code.target.toString(), vscode.Uri.joinPath(extensionRoot, 'docs', 'deck-format.md').toString());
    await vscode.workspace.fs.stat(code.target);
  });

  it('reloads a user deck when a file is saved', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, '.interview', 'live-reload.md');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\nid: live-reload\ntitle:\n  en: Added while running\n---\nHello.\n'));
    try {
      await waitFor('the new topic in the tree', async () => {
        const decks = await api.treeChildren();
        const user = decks.find((node) => node.kind === 'deck' && !node.deck.trusted);
        const topics = user ? await api.treeChildren(user) : [];
        return topics.some((node) => node.kind === 'topic' && node.topic.id === 'live-reload');
      });
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });
  it('keeps a panel open when its file is deleted, and shows the topic again when the file returns', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, '.interview', 'short-lived.md');
    const key = `user:${folder.toString()}/short-lived`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\nid: short-lived\ntitle:\n  en: Short-lived\n---\nStill here.\n'));
    try {
      await waitFor('the new topic in the tree', async () => {
        const user = (await api.treeChildren()).find((node) => node.kind === 'deck' && !node.deck.trusted);
        return user && (await api.treeChildren(user)).some((node) => node.kind === 'topic' && node.topic.id === 'short-lived');
      });
      assert.equal(await vscode.commands.executeCommand('mlInterview.openTopic', key), true);
      await waitFor('the rendered topic', () => /Still here\./.test(api.topicPanelHtml(key) ?? ''));
      await vscode.workspace.fs.delete(file);
      await waitFor('the unavailable notice', () => /class="unavailable"/.test(api.topicPanelHtml(key) ?? ''));
      assert.ok(api.openTopicKeys().includes(key), 'the panel stays open');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\nid: short-lived\ntitle:\n  en: Short-lived\n---\nBack again.\n'));
      await waitFor('the topic again', () => /Back again\./.test(api.topicPanelHtml(key) ?? ''));
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  it('follows the deck folder setting without a reload, and explains a deck folder that is a file', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const config = vscode.workspace.getConfiguration('mlInterview');
    const notAFolder = vscode.Uri.joinPath(folder, 'deck-file.md');
    await vscode.workspace.fs.writeFile(notAFolder, new TextEncoder().encode('# not a folder\n'));
    try {
      await config.update('userDecks.folder', 'deck-file.md', vscode.ConfigurationTarget.Workspace);
      const userDeck = await waitFor('the deck at the new setting', async () =>
        (await api.treeChildren()).find((node) => node.kind === 'deck' && !node.deck.trusted && node.deck.folder === notAFolder.fsPath),
      );
      assert.equal(userDeck.kind, 'deck');
      if (userDeck.kind !== 'deck') return;
      assert.deepEqual(userDeck.deck.topics, []);
      assert.match(userDeck.deck.problems[0].message, /the deck folder is a file, not a folder/);
      await config.update('userDecks.folder', 'no-such-folder', vscode.ConfigurationTarget.Workspace);
      await waitFor('no user deck for a folder that does not exist', async () => (await userDecks()).length === 0);
    } finally {
      await config.update('userDecks.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(notAFolder);
    }
    await waitFor('the fixture deck again', async () => (await userDecks()).length === 1);
  });
  it('lists the built-in decks from their manifests, in order, with their titles', async () => {
    const decks = (await api.treeChildren()).flatMap((node) => (node.kind === 'deck' && node.deck.trusted ? [node] : []));
    assert.deepEqual(
      decks.map((node) => [node.deck.id, api.treeItem(node).label]),
      [
        ['bytedance-ai-lab', 'ByteDance AI Lab interview'],
        ['llm-architecture', 'Transformers & LLMs'],
        ['llm-training', 'Training & alignment'],
        ['llm-inference', 'Inference & applications'],
        ['dl-fundamentals', 'Deep-learning fundamentals'],
        ['classic-ml', 'Classic ML'],
      ],
    );
    assert.deepEqual(decks.map((node) => api.treeItem(node).collapsibleState), [2, 1, 1, 1, 1, 1], 'the first deck open, the others collapsed');
  });

  it('does not reload an open panel when a deck reload changes nothing it shows', async () => {
    await vscode.commands.executeCommand('mlInterview.openTopic', 'builtin/self-attention');
    const before = await waitFor('the panel', () => api.topicPanelHtml('builtin/self-attention'));
    await vscode.commands.executeCommand('mlInterview.refreshTopics');
    await vscode.workspace.getConfiguration('mlInterview').update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('mlInterview').update('language', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('mlInterview.refreshTopics');
    // The nonce is new on every render, so the same document means no reload (no flash, focus kept).
    assert.equal(api.topicPanelHtml('builtin/self-attention'), before);
  });
});

async function userDecks() {
  return (await (await activateExtension()).treeChildren()).filter((node) => node.kind === 'deck' && !node.deck.trusted);
}
