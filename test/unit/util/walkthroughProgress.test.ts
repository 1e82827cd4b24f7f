import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  WALKTHROUGH_ID,
  WALKTHROUGH_KEY,
  WALKTHROUGH_STEP_IDS,
  WALKTHROUGH_STEPS,
  walkthroughContextKey,
  WalkthroughProgress,
  type WalkthroughTicks,
} from '../../../src/util/walkthroughProgress';

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

/** Records what the progress tells VS Code; `welcome.markStepComplete` rejects when `rejectMarks` is set. */
function recordingTicks(rejectMarks = false): WalkthroughTicks & { told: string[] } {
  const told: string[] = [];
  return {
    told,
    setContext: async (key, value) => told.push(`context ${key}=${value}`),
    markStepComplete: async (stepId) => {
      told.push(`mark ${stepId}`);
      if (rejectMarks) throw new Error("command 'welcome.markStepComplete' not found");
    },
  };
}

describe('walkthrough progress', () => {
  it('records each step once and sets its context key; at the next activation ticks it both ways', async () => {
    const memento = new Memory();
    const ticks = recordingTicks();
    const progress = new WalkthroughProgress(memento, 'pub.ext', ticks);
    await progress.record('ranSnippet');
    await progress.record('ranSnippet');
    assert.deepEqual(memento.get(WALKTHROUGH_KEY), ['ranSnippet']);
    assert.deepEqual(ticks.told, ['context mlInterview.walkthrough.ranSnippet=true']);
    memento.values.set(WALKTHROUGH_KEY, ['tookQuiz', 'openedTopic', 'bogus']);
    const restarted = recordingTicks();
    await new WalkthroughProgress(memento, 'pub.ext', restarted).restore();
    assert.deepEqual(restarted.told, [
      'mark pub.ext#gettingStarted#openTopic',
      'context mlInterview.walkthrough.openedTopic=true',
      'mark pub.ext#gettingStarted#firstQuiz',
      'context mlInterview.walkthrough.tookQuiz=true',
    ]);
  });

  it('leaves to the context key a step first done in this window, when it ticks what was done before', async () => {
    const memento = new Memory();
    memento.values.set(WALKTHROUGH_KEY, ['openedTopic']);
    const ticks = recordingTicks();
    const progress = new WalkthroughProgress(memento, 'pub.ext', ticks);
    await progress.record('tookQuiz');
    await progress.restore();
    assert.deepEqual(memento.get(WALKTHROUGH_KEY), ['openedTopic', 'tookQuiz']);
    assert.deepEqual(ticks.told, ['context mlInterview.walkthrough.tookQuiz=true', 'mark pub.ext#gettingStarted#openTopic', 'context mlInterview.walkthrough.openedTopic=true']);
  });

  it('still sets the context keys at activation when VS Code refuses to mark the steps', async () => {
    const memento = new Memory();
    memento.values.set(WALKTHROUGH_KEY, ['openedTopic']);
    const ticks = recordingTicks(true);
    await new WalkthroughProgress(memento, 'pub.ext', ticks).restore();
    assert.deepEqual(ticks.told, ['mark pub.ext#gettingStarted#openTopic', 'context mlInterview.walkthrough.openedTopic=true']);
  });

  it('names the contributed walkthrough steps and what they complete on', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] };
    };
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    for (const step of WALKTHROUGH_STEPS) {
      const contributed = walkthrough.steps.find((candidate) => candidate.id === WALKTHROUGH_STEP_IDS[step]);
      assert.ok(contributed, `package.json has the step ${WALKTHROUGH_STEP_IDS[step]}`);
      assert.ok(contributed.completionEvents.includes(`onContext:${walkthroughContextKey(step)}`), step);
    }
  });
});
