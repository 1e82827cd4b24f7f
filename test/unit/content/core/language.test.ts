import * as assert from 'node:assert/strict';
import { localize, resolveLanguage } from '../../../../src/content/core/language';

describe('content language', () => {
  it('follows the display language when the setting is auto', () => {
    assert.equal(resolveLanguage('auto', 'zh-cn'), 'zh-cn');
    assert.equal(resolveLanguage('auto', 'zh-tw'), 'zh-cn');
    assert.equal(resolveLanguage('auto', 'en-us'), 'en');
    assert.equal(resolveLanguage(undefined, 'de'), 'en');
  });

  it('lets the setting override the display language', () => {
    assert.equal(resolveLanguage('en', 'zh-cn'), 'en');
    assert.equal(resolveLanguage('zh-cn', 'en'), 'zh-cn');
  });

  it('falls back to the other language when a text has only one', () => {
    assert.equal(localize({ en: 'Hi' }, 'zh-cn'), 'Hi');
    assert.equal(localize({ en: 'Hi', 'zh-cn': '你好' }, 'zh-cn'), '你好');
    assert.equal(localize(undefined, 'en'), undefined);
  });
});
