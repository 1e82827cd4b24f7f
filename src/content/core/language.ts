/** Content languages the extension ships. Keys match VS Code's display-language ids. */
export const CONTENT_LANGUAGES = ['en', 'zh-cn'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** The `mlInterview.language` setting: `auto` follows VS Code's display language. */
export type LanguageSetting = 'auto' | ContentLanguage;

/** Text given in one or both languages; a missing language falls back to the other. */
export type LocalizedText = Partial<Record<ContentLanguage, string>>;

export function resolveLanguage(setting: LanguageSetting | undefined, displayLanguage: string): ContentLanguage {
  if (setting === 'en' || setting === 'zh-cn') return setting;
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function otherLanguage(language: ContentLanguage): ContentLanguage {
  return language === 'en' ? 'zh-cn' : 'en';
}

/** The text in `language`, else in the other language, else an empty string. */
export function localize<T>(value: Partial<Record<ContentLanguage, T>> | undefined, language: ContentLanguage): T | undefined {
  if (!value) return undefined;
  return value[language] ?? value[otherLanguage(language)];
}
