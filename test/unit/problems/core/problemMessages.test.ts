import * as assert from 'node:assert/strict';
import { parseProblemWebviewMessage, problemPanelStateSchema } from '../../../../src/problems/core/problemMessages';

describe('problems/core/problemMessages', () => {
  it('parses every valid message to itself', () => {
    const valid = [
      { type: 'start', language: 'ts' },
      { type: 'start', language: 'py' },
      { type: 'check', language: 'py' },
      { type: 'reset', language: 'ts' },
      { type: 'revealHint' },
      { type: 'showSolution' },
      { type: 'setLanguage', language: 'en' },
      { type: 'setLanguage', language: 'zh-cn' },
      { type: 'openTopic', topicKey: 'builtin:self-attention' },
      { type: 'openTopic', topicKey: 'x'.repeat(300) },
    ];
    for (const message of valid) assert.deepEqual(parseProblemWebviewMessage(message), message, JSON.stringify(message));
  });

  it('rejects an unknown type, an extra field, a missing or wrong language, and anything not a message', () => {
    const invalid: unknown[] = [
      { type: 'runCode', language: 'py' },
      { type: 'Start', language: 'py' },
      { language: 'py' },
      { type: 'start', language: 'py', file: '/etc/passwd' },
      { type: 'revealHint', index: 3 },
      { type: 'showSolution', force: true },
      { type: 'start' },
      { type: 'check', language: 'js' },
      { type: 'reset', language: 'typescript' },
      { type: 'check', language: 'en' },
      { type: 'setLanguage', language: 'ts' },
      { type: 'setLanguage', language: 'zh-CN' },
      { type: 'setLanguage', language: 'fr' },
      { type: 'openTopic' },
      { type: 'openTopic', topicKey: 42 },
      { type: 'openTopic', topicKey: 'x'.repeat(301) },
      undefined,
      null,
      'start',
      ['start', 'py'],
      42,
    ];
    for (const message of invalid) assert.equal(parseProblemWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('validates the panel state the serializer revives from', () => {
    assert.deepEqual(problemPanelStateSchema.parse({ problemKey: 'builtin:softmax', language: 'zh-cn', scrollY: 120 }), { problemKey: 'builtin:softmax', language: 'zh-cn', scrollY: 120 });
    assert.deepEqual(problemPanelStateSchema.parse({ problemKey: 'builtin:softmax', language: 'en' }), { problemKey: 'builtin:softmax', language: 'en' });
    for (const state of [{ problemKey: 'p', language: 'de' }, { problemKey: 'p', language: 'en', scrollY: -1 }, { problemKey: 'p', language: 'en', scrollY: Infinity }, { language: 'en' }]) {
      assert.equal(problemPanelStateSchema.safeParse(state).success, false, JSON.stringify(state));
    }
  });
});
