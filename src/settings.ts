import * as vscode from 'vscode';
import { SETTINGS_SECTION, SETTING_DEFAULTS, type SettingKey, type SettingValue } from './settingDefaults';

export { SETTINGS_SECTION };

/** The current value of an `mlInterview.*` setting (in `scope` when given), with the default package.json declares. */
export function setting<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
  const fallback = SETTING_DEFAULTS[key] as unknown as SettingValue<K>;
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<SettingValue<K>>(key, fallback);
}

/** Whether a configuration change touches `mlInterview.<key>`. */
export function affects(event: vscode.ConfigurationChangeEvent, key: SettingKey): boolean {
  return event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`);
}
