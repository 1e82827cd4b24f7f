// Every setting of the extension with its default, as package.json's contributes.configuration declares them (a unit
// test keeps the two equal). Plain data: read by src/settings.ts; the core receives values, never reads settings.

export const SETTINGS_SECTION = 'mlInterview';

export const SETTING_DEFAULTS = {
  language: 'auto',
  'userDecks.folder': '.interview',
  'run.timeoutSeconds': 5,
  'run.memoryLimitMb': 256,
  'run.maxOutputKb': 1024,
  'quiz.newCardsPerDay': 20,
  'quiz.reviewsPerDay': 200,
  'quiz.desiredRetention': 0.9,
  'practice.folder': '',
  'python.path': '',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** A setting's value type: the default's type, widened from its literal (`5` → number). */
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number
  ? number
  : (typeof SETTING_DEFAULTS)[K] extends string
    ? string
    : never;
