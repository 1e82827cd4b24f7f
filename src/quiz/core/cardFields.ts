// The zod pieces every card kind builds its schema from: Markdown text (with balanced `$` math), bilingual texts,
// lists and options, and the fields every card has. Issues carry their fix in params.fix (see cardSchema.ts).
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import type { ContentLanguage, LocalizedText } from '../../content/core/language';

/** A card's text after parsing: present in every language (a missing one is filled from the other). */
export type CardText = Required<LocalizedText>;
/** A card's list (checklist) after parsing, one entry per language. */
export type CardList = Record<ContentLanguage, string[]>;

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const TOPIC_ID_PATTERN = new RegExp(`^${KEBAB}$`);
const CARD_ID_PATTERN = new RegExp(`^${KEBAB}/${KEBAB}$`);

/** Issues we raise ourselves carry their fix in params.fix, so the formatter need not guess it. */
export function addIssue(ctx: z.RefinementCtx, message: string, fix: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: 'custom', message, path, params: { fix } });
}

/** Strips code spans and fences so a `$` in code does not count as math. */
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

export const markdownText = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, ctx) => {
    const dollars = withoutCode(text).match(/(?<!\\)\$/g)?.length ?? 0;
    if (dollars % 2 === 1) {
      addIssue(
        ctx,
        l10n.t('has an odd number of `$` signs, so some math is never closed'),
        l10n.t('close every $…$ / $$…$$ math span, or write a literal dollar sign as \\$'),
      );
    }
  });

export function fillMissingLanguage<T>(value: Partial<Record<ContentLanguage, T>>): Record<ContentLanguage, T> {
  const fallback = (value.en ?? value['zh-cn']) as T;
  return { en: value.en ?? fallback, 'zh-cn': value['zh-cn'] ?? fallback };
}

export function requireSomeLanguage(value: Partial<Record<ContentLanguage, unknown>>, ctx: z.RefinementCtx): void {
  if (value.en === undefined && value['zh-cn'] === undefined) {
    addIssue(ctx, l10n.t('has no text in any language'), l10n.t('give at least `en:` (and preferably `zh-cn:`)'));
  }
}

/** The schemas a kind's fields are made of, for built-in decks (both languages required) or user decks (either). */
export function cardFieldSchemas(requireBoth: boolean) {
  const wrap = <T extends z.ZodType>(item: T) => (requireBoth ? item : item.optional());
  const text = z
    .strictObject({ en: wrap(markdownText), 'zh-cn': wrap(markdownText) })
    .superRefine(requireSomeLanguage)
    .transform((value): CardText => fillMissingLanguage(value));
  const list = z
    .strictObject({ en: wrap(z.array(markdownText).min(1)), 'zh-cn': wrap(z.array(markdownText).min(1)) })
    .superRefine(requireSomeLanguage)
    .superRefine((value, ctx) => {
      const { en, 'zh-cn': zh } = value;
      if (en !== undefined && zh !== undefined && en.length !== zh.length) {
        addIssue(
          ctx,
          l10n.t('has {0} English items but {1} Chinese items', en.length, zh.length),
          l10n.t('give the same points, in the same order, in both languages'),
        );
      }
    })
    .transform((value): CardList => fillMissingLanguage(value));
  const option = z
    .strictObject({ en: wrap(markdownText), 'zh-cn': wrap(markdownText), correct: z.boolean().optional() })
    .superRefine(requireSomeLanguage)
    .transform(({ correct, ...text }) => ({ text: fillMissingLanguage(text), correct: correct === true }));
  /** The fields every card has; a kind adds its own (a cloze card replaces `prompt` with its text). */
  const common = {
    id: z.string().regex(CARD_ID_PATTERN),
    topic: z.string().regex(TOPIC_ID_PATTERN),
    prompt: text,
    tags: z.array(z.string().regex(TOPIC_ID_PATTERN)).optional(),
  };
  return { requireBoth, text, list, option, common };
}

export type CardFieldSchemas = ReturnType<typeof cardFieldSchemas>;
