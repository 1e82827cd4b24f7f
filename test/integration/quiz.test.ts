import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QuizPanelHandle } from '../../src/quiz/quizPanel';
import type { QuizRuntime } from '../../src/quiz/quizRuntime';
import type { CardView } from '../../src/quiz/core/quizSession';
import { parseCloze } from '../../src/quiz/core/kinds/cloze';
import { activateExtension, closeAllEditors, waitFor, webviewTabs } from './helpers';

type QuizHandle = QuizPanelHandle & { runtime: QuizRuntime };

function cardView(handle: QuizHandle): CardView {
  const view = handle.view;
  assert.equal(view?.kind, 'card', 'a card is on screen');
  return view as CardView;
}

/** Answers the card on screen the way the webview would: the right option, or reveal and Good. */
async function answer(handle: QuizHandle): Promise<string> {
  const view = cardView(handle);
  if (view.item.card.kind === 'mc') {
    await handle.send({ type: 'choose', index: view.choice?.correctIndex });
    await handle.send({ type: 'next' });
  } else if (view.item.card.kind === 'recall') {
    await handle.send({ type: 'reveal' });
    await handle.send({ type: 'rate', rating: 3 });
  } else if (view.item.card.kind === 'cloze') {
    await handle.send({ type: 'reveal', answers: [] });
    await handle.send({ type: 'rate', rating: 3 });
  } else {
    await handle.send({ type: 'skip' });
  }
  return view.item.id;
}

const ROOT = path.resolve(__dirname, '..', '..');

describe('quiz in the real VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('shows a studied topic’s progress in the tree', async () => {
    const api = await activateExtension();
    const handle = (await vscode.commands.executeCommand('mlInterview.quizTopic', 'builtin/gpt-vs-bert')) as QuizHandle;
    await handle.runtime.service.store.reset();
    await handle.runtime.service.progressChanged();
    await waitFor('a card', () => handle.view?.kind === 'card');
    await answer(handle);
    const builtIn = (await api.treeChildren()).find((node) => node.kind === 'deck');
    assert.ok(builtIn, 'the tree has a deck');
    const item = await waitFor('the topic’s progress in the tree', async () => {
      const topics = await api.treeChildren(builtIn);
      const gpt = topics.find((node) => node.kind === 'topic' && node.topic.id === 'gpt-vs-bert');
      const treeItem = gpt ? api.treeItem(gpt) : undefined;
      return treeItem && /mastered/.test(String(treeItem.description)) ? treeItem : undefined;
    });
    assert.equal(item.description, '0% mastered');
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.ok((item.iconPath as vscode.ThemeIcon).color, 'a studied topic’s icon is coloured as learning');
  });

  it('checks a practice problem from its code card: the untouched starter fails without rating or spoiling it; a pass proposes a rating the user picks', async () => {
    const api = await activateExtension();
    const attempt = path.join(api.practiceFolder(), 'layernorm.ts');
    fs.rmSync(attempt, { force: true });
    const handle = (await vscode.commands.executeCommand('mlInterview.quizTopic', 'builtin/bn-vs-ln')) as QuizHandle;
    await handle.runtime.service.store.reset();
    await handle.runtime.service.progressChanged();
    await waitFor('a card', () => handle.view?.kind === 'card');
    for (let guard = 0; cardView(handle).item.id !== 'bn-vs-ln/code-layernorm'; guard++) {
      assert.ok(guard < 40, 'the LayerNorm problem is among the topic’s cards, under the id its old code card had');
      await handle.send({ type: 'skip' });
    }
    const cardId = cardView(handle).item.id;
    await handle.send({ type: 'openStarter', language: 'ts' });
    const starter = await waitFor('the attempt editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === attempt ? vscode.window.activeTextEditor : undefined));
    assert.match(starter.document.getText(), /export function layerNorm/);
    const column = starter.viewColumn;
    const groups = vscode.window.tabGroups.all.length;
    await handle.send({ type: 'openStarter', language: 'ts' });
    assert.equal(vscode.window.tabGroups.all.length, groups, 'opening the attempt again adds no editor group');
    assert.equal(vscode.window.activeTextEditor?.document, starter.document, 'and no second copy');
    assert.equal(vscode.window.activeTextEditor?.viewColumn, column);

    await handle.send({ type: 'checkCode' });
    const failed = await waitFor('the failing results', () => (/cases pass/.test(handle.mainHtml) ? handle.mainHtml : undefined), 30_000);
    assert.match(failed, /\(TypeScript\): 0 of \d+ cases pass/);
    assert.match(failed, /Not implemented yet/);
    assert.doesNotMatch(failed, /class="explanation solution"/, 'a failing check does not show the solution');
    assert.equal(cardView(handle).phase, 'question');
    assert.equal((await handle.runtime.freshStore().current()).cards[cardId], undefined, 'a failing check rates nothing');

    const reference = fs.readFileSync(path.join(ROOT, 'content', 'problems', 'layernorm', 'solution.ts'), 'utf8');
    await starter.edit((builder) => builder.replace(new vscode.Range(0, 0, starter.document.lineCount, 0), reference));
    await handle.send({ type: 'checkCode' });
    const passed = await waitFor('the passing results', () => {
      const match = /: (\d+) of (\d+) cases pass/.exec(handle.mainHtml);
      return match && match[1] === match[2] ? handle.mainHtml : undefined;
    }, 30_000);
    assert.doesNotMatch(passed, /Not implemented yet/);
    assert.match(passed, /class="explanation solution"/, 'the solution after a pass');
    assert.equal(cardView(handle).phase, 'passed');
    assert.equal(cardView(handle).proposed, 2, 'Hard is proposed after a failed check');
    assert.equal((await handle.runtime.freshStore().current()).cards[cardId], undefined, 'nothing is rated before the user chooses');
    await handle.send({ type: 'rate', rating: 3 });
    const stored = await handle.runtime.freshStore().current();
    assert.deepEqual(stored.log.filter((review) => review.cardId === cardId).map((review) => review.rating), [3], 'the user’s rating is recorded');

    await handle.send({ type: 'undo' });
    assert.equal(cardView(handle).item.id, cardId, 'Undo brings the problem back');
    assert.equal((await handle.runtime.freshStore().current()).cards[cardId], undefined, 'and takes its rating out of the stored progress');
    await handle.send({ type: 'showSolution' });
    assert.equal(cardView(handle).phase, 'solution');
    assert.deepEqual((await handle.runtime.freshStore().current()).log.filter((review) => review.cardId === cardId).map((review) => review.rating), [1], 'Show solution is a lapse');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('registers the quiz commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['mlInterview.quizMe', 'mlInterview.quizTopic', 'mlInterview.showProgress', 'mlInterview.resetProgress', 'mlInterview.exportProgress', 'mlInterview.exportAnkiDeck']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('Quiz Me opens one session panel, and an answer persists its due date for a fresh store', async () => {
    const handle = (await vscode.commands.executeCommand('mlInterview.quizMe')) as QuizHandle;
    await handle.runtime.service.store.reset();
    await handle.runtime.service.progressChanged();
    await waitFor('the quiz panel', () => webviewTabs('mlInterview.quiz').length === 1);
    await waitFor('a card', () => handle.view?.kind === 'card');
    const first = cardView(handle);
    assert.equal(first.item.id, 'bn-vs-ln/mc-axes', 'new cards start with the first topic');
    assert.equal(first.reason, 'new');
    assert.match(handle.mainHtml, /<article class="card card-mc" lang="en"/);
    assert.match(handle.mainHtml, /class="katex"/, 'math is rendered by KaTeX on the host');

    await handle.send({ type: 'choose', index: first.choice?.correctIndex });
    assert.equal(cardView(handle).phase, 'answered');
    assert.match(handle.mainHtml, /✓ Correct/);
    const stored = await handle.runtime.freshStore().current();
    const state = stored.cards['bn-vs-ln/mc-axes'];
    assert.ok(state, 'the answer is in globalState');
    assert.ok(state.due.getTime() > Date.now(), 'it is scheduled in the future');
    assert.deepEqual(stored.log.map((review) => [review.cardId, review.rating]), [['bn-vs-ln/mc-axes', 3]]);

    await handle.send({ type: 'next' });
    assert.notEqual(cardView(handle).item.id, 'bn-vs-ln/mc-axes');
    const again = (await vscode.commands.executeCommand('mlInterview.quizMe')) as QuizHandle;
    assert.equal(webviewTabs('mlInterview.quiz').length, 1, 'Quiz Me reveals the same panel');
    assert.equal(again.view, handle.view);
  });

  it('Quiz This Topic limits the session to the topic, by key or by tree node', async () => {
    const handle = (await vscode.commands.executeCommand('mlInterview.quizTopic', 'builtin/self-attention')) as QuizHandle;
    assert.equal(handle.topicKey, 'builtin/self-attention');
    const seen = new Set<string>();
    for (let step = 0; step < 6 && handle.view?.kind === 'card'; step++) {
      assert.equal(cardView(handle).item.topicKey, 'builtin/self-attention');
      seen.add(await answer(handle));
    }
    assert.ok(seen.size >= 4, `several cards of the topic were served (${[...seen].join(', ')})`);
    assert.ok([...seen].every((id) => id.startsWith('self-attention/')));

    // A session is under way: a caller that already asked passes `replace` (from the palette, the user is asked).
    const fromTree = (await vscode.commands.executeCommand(
      'mlInterview.quizTopic',
      { kind: 'topic', topic: { key: 'builtin/gpt-vs-bert', deckId: 'builtin', id: 'gpt-vs-bert' } },
      { replace: true },
    )) as QuizHandle;
    assert.equal(fromTree.topicKey, 'builtin/gpt-vs-bert');
    assert.equal(cardView(fromTree).item.topicKey, 'builtin/gpt-vs-bert');
    assert.equal(webviewTabs('mlInterview.quiz').length, 1, 'still one quiz panel');
  });

  it('shows progress with the chart and exports the progress as JSON', async () => {
    const html = (await vscode.commands.executeCommand('mlInterview.showProgress')) as string;
    assert.match(html, /<svg class="reviews" viewBox="0 0 600 160" role="img"/);
    assert.match(html, /<th scope="row">BatchNorm vs LayerNorm<\/th>/);
    const target = vscode.Uri.file(path.join(os.tmpdir(), `mlip-progress-${process.pid}.json`));
    await vscode.commands.executeCommand('mlInterview.exportProgress', target);
    const exported = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { version: number; log: { cardId: string }[] };
    assert.equal(exported.version, 1);
    assert.ok(exported.log.some((review) => review.cardId === 'bn-vs-ln/mc-axes'));
    fs.rmSync(target.fsPath, { force: true });
  });

  it('exports the deck for Anki in either language, with the headers that make the import need no choices', async () => {
    const target = vscode.Uri.file(path.join(os.tmpdir(), `mlip-anki-${process.pid}.txt`));
    await vscode.commands.executeCommand('mlInterview.exportAnkiDeck', target);
    const lines = fs.readFileSync(target.fsPath, 'utf8').split('\n');
    assert.deepEqual(lines.slice(0, 6), ['#separator:tab', '#html:true', '#notetype column:1', '#deck:ML Interview Prep', '#tags column:4', '#columns:Notetype\tFront\tBack\tTags']);
    assert.ok(lines.length > 300);
    assert.ok(lines.some((line) => line.startsWith('Cloze\t')), 'cloze cards become Cloze notes');
    await vscode.commands.executeCommand('mlInterview.exportAnkiDeck', target, 'zh-cn');
    const chinese = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(chinese, /^#separator:tab\n#html:true\n#notetype column:1\n#deck:ML Interview Prep \(中文\)\n/);
    assert.match(chinese, /[\u4e00-\u9fff]/);
    // One track only: its cards, into a subdeck named after it.
    await vscode.commands.executeCommand('mlInterview.exportAnkiDeck', target, 'en', 'classic-ml');
    const track = fs.readFileSync(target.fsPath, 'utf8').split('\n');
    assert.equal(track[3], '#deck:ML Interview Prep::Classic ML');
    const tags = track.slice(6).filter(Boolean).map((line) => line.split('\t')[3]);
    const classicTopics = ['bias-variance', 'linear-logistic-regression', 'trees-ensembles', 'clustering', 'pca-svd', 'evaluation-metrics'];
    assert.ok(tags.length >= 36);
    assert.ok(tags.every((tag) => classicTopics.some((topic) => tag.startsWith(`ml-interview::${topic} `))), 'only the track’s cards');
    fs.rmSync(target.fsPath, { force: true });
  });

  it('answers a cloze card by typing its blanks: each is compared, Good is proposed, the user rates', async () => {
    const handle = (await vscode.commands.executeCommand('mlInterview.quizTopic', 'builtin/kv-cache', { replace: true })) as QuizHandle;
    for (let step = 0; step < 12 && handle.view?.kind === 'card' && cardView(handle).item.card.kind !== 'cloze'; step++) await answer(handle);
    const view = cardView(handle);
    assert.equal(view.item.card.kind, 'cloze', 'a cloze card of the topic comes up');
    if (view.item.card.kind !== 'cloze') return;
    assert.match(handle.mainHtml, /<input type="text" data-blank="1"/);
    const parsed = parseCloze(view.item.card.text.en);
    assert.ok(parsed.ok);
    const answers = [...new Set(parsed.blanks.map((blank) => blank.index))].map((index) => ` ${parsed.blanks.find((blank) => blank.index === index)!.answer.toUpperCase()} `);
    await handle.send({ type: 'reveal', answers });
    assert.equal(cardView(handle).phase, 'revealed');
    assert.ok(cardView(handle).cloze?.correct.every(Boolean), 'case and spaces do not matter');
    assert.equal(cardView(handle).cloze?.proposed, 3);
    assert.match(handle.mainHtml, /class="verdict verdict-correct"/);
    assert.match(handle.mainHtml, /data-rating="3" data-key="3" data-autofocus/);
    const id = view.item.id;
    await handle.send({ type: 'rate', rating: 2 });
    const stored = await handle.runtime.freshStore().current();
    assert.deepEqual(stored.log.filter((review) => review.cardId === id).map((review) => review.rating).slice(-1), [2], 'the user’s own rating is recorded');
  });

  it('Quiz This Track limits the session to one deck, by id or by tree node', async () => {
    const handle = (await vscode.commands.executeCommand('mlInterview.quizDeck', 'llm-inference', { replace: true })) as QuizHandle;
    assert.equal(handle.topicKey, 'deck:llm-inference');
    const inference = ['quantization', 'llm-serving', 'rag', 'llm-evaluation', 'hallucination'].map((id) => `builtin/${id}`);
    for (let step = 0; step < 4 && handle.view?.kind === 'card'; step++) {
      assert.ok(inference.includes(cardView(handle).item.topicKey), cardView(handle).item.topicKey);
      await answer(handle);
    }
    const decks = (await (await activateExtension()).treeChildren()).filter((node) => node.kind === 'deck');
    const fromTree = (await vscode.commands.executeCommand('mlInterview.quizDeck', decks[1], { replace: true })) as QuizHandle;
    assert.equal(fromTree.topicKey, 'deck:llm-architecture');
    assert.equal(webviewTabs('mlInterview.quiz').length, 1, 'still one quiz panel');
  });

  it('Import Progress merges an exported file like a second window: its reviews are added, nothing is lost or doubled', async () => {
    const handle = (await vscode.commands.executeCommand('mlInterview.quizMe')) as QuizHandle;
    const store = handle.runtime.service.store;
    const target = vscode.Uri.file(path.join(os.tmpdir(), `mlip-import-${process.pid}.json`));
    await vscode.commands.executeCommand('mlInterview.exportProgress', target);
    const exported = await store.current();
    await store.reset();
    await waitFor('a card', () => handle.view?.kind === 'card');
    await answer(handle);
    const local = (await store.current()).log.map((review) => review.id);
    assert.equal(await vscode.commands.executeCommand('mlInterview.importProgress', target), true);
    const merged = await handle.runtime.freshStore().current();
    assert.deepEqual(new Set(merged.log.map((review) => review.id)), new Set([...exported.log.map((review) => review.id), ...local]));
    assert.equal(await vscode.commands.executeCommand('mlInterview.importProgress', target), true);
    assert.equal((await store.current()).log.length, merged.log.length, 'importing the same file again changes nothing');
    fs.rmSync(target.fsPath, { force: true });
  });
});
