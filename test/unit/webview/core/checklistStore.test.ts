import * as assert from 'node:assert/strict';
import { CHECKLIST_KEY, ChecklistStore, type ChecklistMemento } from '../../../../src/webview/core/checklistStore';
import { SYNCED_KEYS } from '../../../../src/quiz/core/quizStore';

class MemoryMemento implements ChecklistMemento {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    // A Memento hands back a copy, as globalState does.
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    return Promise.resolve();
  }
}

describe('ChecklistStore', () => {
  it('keeps the ticks per topic, for a new store on the same Memento (a reload or a restart)', async () => {
    const memento = new MemoryMemento();
    const store = new ChecklistStore(memento);
    assert.deepEqual(store.checked('builtin/bn-vs-ln'), []);
    await store.setChecked('builtin/bn-vs-ln', [2, 0, 2]);
    await store.setChecked('builtin/self-attention', [1]);
    const fresh = new ChecklistStore(memento);
    assert.deepEqual(fresh.checked('builtin/bn-vs-ln'), [0, 2]);
    assert.deepEqual(fresh.checked('builtin/self-attention'), [1]);
    await fresh.setChecked('builtin/bn-vs-ln', []);
    assert.deepEqual(memento.get(CHECKLIST_KEY), { 'builtin/self-attention': [1] });
  });

  it('ignores malformed stored data instead of failing', () => {
    const memento = new MemoryMemento();
    memento.values.set(CHECKLIST_KEY, { a: [1, 'x', -1, 1.5, 3], b: 'nope' });
    assert.deepEqual(new ChecklistStore(memento).checked('a'), [1, 3]);
    assert.deepEqual(new ChecklistStore(memento).checked('b'), []);
    memento.values.set(CHECKLIST_KEY, 'garbage');
    assert.deepEqual(new ChecklistStore(memento).checked('a'), []);
  });

  it('syncs with the quiz progress', () => {
    assert.ok(SYNCED_KEYS.includes(CHECKLIST_KEY));
  });
});
