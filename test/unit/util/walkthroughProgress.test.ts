import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WALKTHROUGH_KEY, WALKTHROUGH_STEPS, walkthroughContextKey, WalkthroughProgress } from '../../../src/util/walkthroughProgress';

class Memory {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('walkthrough progress', () => {
  it('records each step once and publishes it as a context key, again at the next activation', async () => {
    const memento = new Memory();
    const contexts: [string, boolean][] = [];
    const progress = new WalkthroughProgress(memento, async (key, value) => contexts.push([key, value]));
    await progress.record('ranSnippet');
    await progress.record('ranSnippet');
    assert.deepEqual(memento.get(WALKTHROUGH_KEY), ['ranSnippet']);
    assert.deepEqual(contexts, [['mlInterview.walkthrough.ranSnippet', true]]);
    const restarted: string[] = [];
    memento.values.set(WALKTHROUGH_KEY, ['tookQuiz', 'openedTopic', 'bogus']);
    await new WalkthroughProgress(memento, async (key) => restarted.push(key)).restore();
    assert.deepEqual(restarted, ['mlInterview.walkthrough.openedTopic', 'mlInterview.walkthrough.tookQuiz']);
  });

  it('is what the contributed walkthrough steps complete on', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { completionEvents: string[] }[] }[] };
    };
    const events = manifest.contributes.walkthroughs[0].steps.flatMap((step) => step.completionEvents);
    for (const step of WALKTHROUGH_STEPS) assert.ok(events.includes(`onContext:${walkthroughContextKey(step)}`), step);
  });
});
