import * as l10n from '@vscode/l10n';
import * as z from 'zod';

// Custom messages are functions so they are translated when a file is checked, after the extension has configured
// @vscode/l10n, not when this module loads.

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: () => l10n.t('`id` must be kebab-case: lowercase letters, digits and single dashes') });

const identifier = z
  .string()
  .regex(/^[A-Za-z_$][\w$]*$/, { error: () => l10n.t('a function name must be an identifier: letters, digits, `_` or `$`, not starting with a digit') });

const localizedString = z
  .object({ en: z.string().min(1).optional(), 'zh-cn': z.string().min(1).optional() })
  .strict()
  .refine((value) => value.en !== undefined || value['zh-cn'] !== undefined, {
    error: () => l10n.t('give the text in at least one language: `en:` or `zh-cn:`'),
  });

/** Exactly three hints per language, from a nudge to nearly the answer; the same count in both languages. */
const hints = z
  .object({ en: z.array(z.string().min(1)).optional(), 'zh-cn': z.array(z.string().min(1)).optional() })
  .strict()
  .refine((value) => value.en !== undefined || value['zh-cn'] !== undefined, {
    error: () => l10n.t('give the list in at least one language: `en:` or `zh-cn:`'),
  })
  .refine((value) => (value.en ?? value['zh-cn'] ?? []).length === 3 && (value['zh-cn'] ?? value.en ?? []).length === 3, {
    error: () => l10n.t('give exactly three hints in each language, of increasing strength'),
  });

/** Front matter of `content/problems/<id>/problem.md` (and of a user deck's `problems/<id>/problem.md`). */
export const problemFrontMatterSchema = z
  .object({
    id: kebabId,
    title: localizedString,
    difficulty: z.enum(['easy', 'medium', 'hard'], { error: () => l10n.t('must be easy, medium or hard') }),
    tags: z.array(z.string().min(1)).default([]),
    /** Ids of related topics, in any deck. */
    topics: z.array(kebabId).default([]),
    /** The function the checks call, per language. */
    entry: z.object({ ts: identifier, py: identifier }).strict(),
    signature: z.object({ ts: z.string().min(1), py: z.string().min(1) }).strict(),
    hints,
    complexity: localizedString,
  })
  .strict();

export type ProblemFrontMatter = z.infer<typeof problemFrontMatterSchema>;
export type Difficulty = ProblemFrontMatter['difficulty'];

/** A case of cases.json as written by scripts/golden/problems.py. */
export interface CaseData {
  name: string;
  args: unknown[];
  expected: unknown;
}

/**
 * Checks cases.json: `{ "cases": [{ "name", "args": [ENC…], "expected": ENC }, …] }`, ENC as in values.ts.
 * Written by hand rather than with zod: ENC is recursive, and the extension bundles only the zod builders it lists.
 */
export function validateCasesFile(data: unknown): { ok: true; cases: CaseData[] } | { ok: false; caseIndex?: number; message: string } {
  if (!isRecord(data) || !Array.isArray(data.cases)) return { ok: false, message: l10n.t('cases.json must be an object with a `cases` list') };
  if (data.cases.length === 0) return { ok: false, message: l10n.t('cases.json must hold at least one case') };
  for (const [index, item] of data.cases.entries()) {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name === '' || !Array.isArray(item.args) || !('expected' in item)) {
      return { ok: false, caseIndex: index, message: l10n.t('case {0}: needs a `name`, an `args` list and an `expected` value', index + 1) };
    }
    const values: [string, unknown][] = [...item.args.map((arg, i): [string, unknown] => [`args[${i}]`, arg]), ['expected', item.expected]];
    const bad = values.find(([, value]) => !isEnc(value));
    if (bad) return { ok: false, caseIndex: index, message: l10n.t('case {0}: `{1}` is not a valid value (a number, true or false, text, null, or a tensor, fields or list object)', index + 1, bad[0]) };
  }
  return { ok: true, cases: data.cases as CaseData[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DTYPES = ['float64', 'int64', 'bool'];

/** Whether a value is ENC: a number, boolean, string or null; a tensor; fields; or a list. */
function isEnc(value: unknown): boolean {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value).sort().join();
  if (keys === 'dtype,shape,tensor') {
    return DTYPES.includes(value.dtype as string) && Array.isArray(value.shape) && value.shape.every((n) => Number.isInteger(n) && n >= 0);
  }
  if (keys === 'fields') {
    return Array.isArray(value.fields) && value.fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && isEnc(f[1]));
  }
  if (keys === 'list') return Array.isArray(value.list) && value.list.every(isEnc);
  return false;
}
