import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS_SECTION, SETTING_DEFAULTS } from '../../../src/settingDefaults';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};

describe('settings', () => {
  it('have the defaults package.json declares, and no setting is missing on either side', () => {
    const declared = Object.fromEntries(
      Object.entries(manifest.contributes.configuration.properties).map(([key, value]) => [key.slice(SETTINGS_SECTION.length + 1), value.default]),
    );
    assert.deepEqual(SETTING_DEFAULTS, declared);
  });
});
