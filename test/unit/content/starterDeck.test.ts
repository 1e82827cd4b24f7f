import * as assert from 'node:assert/strict';
import { parseTopicFile } from '../../../src/content/core/topicParser';
import { starterDeckFile, topicIdFromTitle } from '../../../src/content/core/starterDeck';

describe('New Deck File starter', () => {
  it('names the file and id after the title the user gave', () => {
    assert.equal(topicIdFromTitle('Gradient clipping!'), 'gradient-clipping');
    assert.equal(topicIdFromTitle('  KV cache: why & how  '), 'kv-cache-why-how');
    assert.equal(topicIdFromTitle('梯度裁剪'), 'my-topic');
  });

  it('is a valid topic with the user’s title and placeholders, not a copy of a real topic', () => {
    const text = starterDeckFile('gradient-clipping', 'Gradient clipping: why?');
    const parsed = parseTopicFile('/w/.interview/gradient-clipping.md', text);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.topic.id, 'gradient-clipping');
    assert.equal(parsed.topic.title.en, 'Gradient clipping: why?');
    assert.ok(parsed.topic.checklist?.en?.length);
    assert.doesNotMatch(text, /dropout/i, 'it does not duplicate the demo deck’s Dropout topic');
  });
});
