import * as l10n from '@vscode/l10n';
import * as z from 'zod';

// Custom messages are functions so they are translated when a file is checked, after the extension has configured
// @vscode/l10n, not when this module loads.

const localizedString = z
  .object({ en: z.string().min(1).optional(), 'zh-cn': z.string().min(1).optional() })
  .strict()
  .refine((value) => value.en !== undefined || value['zh-cn'] !== undefined, {
    error: () => l10n.t('give the text in at least one language: `en:` or `zh-cn:`'),
  });

const localizedList = z
  .object({ en: z.array(z.string().min(1)).optional(), 'zh-cn': z.array(z.string().min(1)).optional() })
  .strict()
  .refine((value) => value.en !== undefined || value['zh-cn'] !== undefined, {
    error: () => l10n.t('give the list in at least one language: `en:` or `zh-cn:`'),
  })
  .refine((value) => !value.en || !value['zh-cn'] || value.en.length === value['zh-cn'].length, {
    error: () => l10n.t('the `en` and `zh-cn` lists must have the same number of items, in the same order'),
  });

const source = z
  .object({
    title: z.string().min(1),
    authors: z.string().min(1).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    url: z
      .string()
      .regex(/^https?:\/\//, { error: () => l10n.t('a source `url` must start with http:// or https://') }),
  })
  .strict();

/** Front matter of a topic file: built-in topics and user decks share it (docs/deck-format.md). */
export const topicFrontMatterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: () => l10n.t('`id` must be kebab-case: lowercase letters, digits and single dashes') }),
    order: z.number().finite().optional(),
    icon: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: () => l10n.t('`icon` must be a codicon id such as `book`') })
      .optional(),
    title: localizedString,
    summary: localizedString.optional(),
    question: localizedString.optional(),
    tags: z.array(z.string().min(1)).default([]),
    snippets: z
      .array(z.string().regex(/^[a-z0-9-]+$/, { error: () => l10n.t('a snippet id is a file name in snippets/ without `.ts`') }))
      .default([]),
    checklist: localizedList.optional(),
    sources: z.array(source).default([]),
    /** Ids of related topics, in any deck. */
    related: z.array(kebabId(() => l10n.t('a related topic is named by its `id` (kebab-case)'))).default([]),
    /** Ids of practice problems that train this topic. */
    problems: z.array(kebabId(() => l10n.t('a practice problem is named by its `id` (kebab-case)'))).default([]),
  })
  .strict();

export type TopicFrontMatter = z.infer<typeof topicFrontMatterSchema>;

/** `deck.yaml`: what a deck folder is called and where it sits among the decks (docs/deck-format.md). */
export const deckManifestSchema = z
  .object({
    id: kebabId(() => l10n.t('`id` must be kebab-case: lowercase letters, digits and single dashes')),
    order: z.number().finite().optional(),
    title: localizedString,
    description: localizedString.optional(),
  })
  .strict();

export type DeckManifest = z.infer<typeof deckManifestSchema>;

function kebabId(message: () => string) {
  return z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: message });
}
