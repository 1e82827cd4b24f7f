import * as assert from 'node:assert/strict';
import { internString } from '../../../../src/util/core/strings';

describe('internString', () => {
  it('gives back an equal string, also for strings made at run time and for property-like names', () => {
    const made = ['user:', 'topic-1/card-', String(12)].join('');
    assert.equal(internString(made), 'user:topic-1/card-12');
    for (const text of ['', '0', '42', '__proto__', 'constructor', 'toString', 'é/ünïcode', 'x'.repeat(10_000)]) assert.equal(internString(text), text);
  });

  it('is idempotent', () => {
    const text = ['builtin', 'attention'].join('/');
    const once = internString(text);
    assert.equal(internString(once), once);
    assert.equal(internString(internString(text)), text);
    assert.equal(internString('builtin/attention'), text);
  });
});
