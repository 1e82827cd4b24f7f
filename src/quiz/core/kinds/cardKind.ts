// What a card kind is: one module per kind (multiple choice, recall, cloze, code) exports one CardKind, and
// registry.ts lists them. The schema, the quiz session, the quiz document and the Anki export are kind-agnostic and
// dispatch through the registry, so a new kind is its module, one registry entry, its labels and its tests.
// Types only: the kinds import this, never the modules that dispatch to them.
import type { ContentLanguage } from '../../../content/core/language';
import type { MarkdownEngine, Trust } from '../../../content/core/markdownEngine';
import type { CardFieldSchemas, CardText } from '../cardFields';
import type { QueueReason } from '../queue';
import type { QuizLabels } from '../quizWidgets';
import type { Grade, RatingPreview } from '../scheduler';
import type * as z from 'zod';

/** What a Check of a practice problem found, as a code card shows it (the host runs the problem's checks). */
export interface CodeGrade {
  /** The attempt checked. */
  language: 'ts' | 'py';
  results: { name: string; passed: boolean; reason: string }[];
  passedCount: number;
  /** Set when nothing could be checked (no interpreter, NumPy missing). */
  fatal?: string;
  /** The rating proposed once every case passes, from the checks and hints since the card's last review. */
  proposed: Grade;
}

/** What every parsed card has, whatever its kind. */
export interface CardBase<Id extends string = string> {
  id: string;
  topic: string;
  kind: Id;
  /** What the card asks, in each language (a cloze card's is its text with the blanks masked). */
  prompt: CardText;
  tags?: string[];
}

/**
 * question: not answered yet (a code exercise stays here while its checks fail); answered: a multiple-choice card
 * graded; revealed: a recall or cloze card's answer shown, waiting for the user's rating; passed: every case of a code
 * exercise passes, its solution is shown and the user picks the rating; solution: the user gave up on an exercise and
 * asked for its solution (recorded as Again).
 */
export type CardPhase = 'question' | 'answered' | 'revealed' | 'passed' | 'solution';

/** The session's state for the card on screen: what every kind has, and what the kind keeps of its own (S). */
export type KindStep<S extends object = object> = StepBase & Partial<S>;

export interface StepBase {
  itemId: string;
  reason: QueueReason;
  phase: CardPhase;
  /** Once the card waits for the user's rating: what each rating button would give. */
  previews?: RatingPreview[];
  /** The rating suggested to the user (the user chooses). */
  proposed?: Grade;
  /** The rating recorded for this card in this step, if any. */
  rating?: Grade;
}

/**
 * What the user's actions mean for this kind. The session does the rest (phases, scheduling, undo); a hook the kind
 * does not have means the action does not apply to it and is ignored. Hooks are methods, so a kind is a CardKind of
 * any card (the registry dispatches by `card.kind`).
 */
export interface KindSession<C, S extends object> {
  /** The step's own state when the card comes up; `seed` changes with every review of the card. */
  start?(card: C, seed: string): Partial<S>;
  /** An option picked (by its place on screen): records the choice and returns the rating it earns, or undefined. */
  choose?(card: C, step: KindStep<S>, displayIndex: number): Grade | undefined;
  /** Space: shows the answer (given what was typed, one entry per blank); the user rates next. */
  reveal?(card: C, step: KindStep<S>, answers: readonly string[]): void;
  /** Once revealed: the checklist points ticked; false when they do not apply. */
  setChecklist?(card: C, step: KindStep<S>, checked: readonly number[]): boolean;
  /** The results of running the user's code: records them and returns the proposed rating once every case passes. */
  codeChecked?(step: KindStep<S>, grade: CodeGrade): Grade | undefined;
  /** The user may give up and see the solution, which is recorded as Again. */
  readonly canShowSolution?: boolean;
  /** Whether the user has started on the card while it is still a question (a Check ran). */
  started?(step: KindStep<S>): boolean;
}

/** What a kind renders the card's body (below its prompt) with. */
export interface KindRenderContext {
  language: ContentLanguage;
  trust: Trust;
  engine: MarkdownEngine;
  /** The panel's shared words (ratings, explanation, continue) in the content language. */
  labels: QuizLabels;
  /** A code check is running. */
  checking: boolean;
}

/** One Anki note: its note type's first two fields (Basic: Front, Back; Cloze: Text, Back Extra). */
export interface AnkiNote {
  noteType: 'Basic' | 'Cloze';
  front: string;
  back: string;
}

/** Markdown to Anki's HTML (math kept as LaTeX), for one language. */
export interface AnkiContext {
  language: ContentLanguage;
  block(markdown: string): string;
  inline(markdown: string): string;
  /** `<li>` items, each rendered inline. */
  listItems(items: readonly string[]): string;
}

/** A zod schema a discriminated union can take, parsing to the kind's card. */
export type KindSchema<C> = z.ZodType<C, unknown> & z.core.$ZodTypeDiscriminable;

/** Labels in both languages with the same keys; `name` is the kind's name in the card's header. */
export type KindLabels<K extends string> = Record<ContentLanguage, Record<K | 'name', string>>;

export interface CardKind<Id extends string = string, C extends CardBase<Id> = CardBase<Id>, S extends object = object, L extends string = string> {
  /** The `kind:` of its cards in YAML. */
  readonly id: Id;
  /** Its words on the quiz panel, in both languages. */
  readonly labels: KindLabels<L>;
  /** The tag its Anki notes carry (after the tag prefix). */
  readonly ankiTag: string;
  /** Its cards' schema, built from the shared field schemas (strict about both languages for built-in decks). */
  schema(fields: CardFieldSchemas): KindSchema<C>;
  /** Which fields it has, for the fix of a card with an unknown field, e.g. "mc adds options and explanation". */
  fieldsHint(): string;
  /** How to fix each of its own fields, by field name. */
  readonly fieldFixes: Readonly<Record<string, () => string>>;
  readonly session: KindSession<C, S>;
  /** The card's body below its prompt, for the step on screen. Every value in it escaped or rendered by the engine. */
  render(card: C, step: KindStep<S>, context: KindRenderContext): string;
  /** The card as one Anki note. */
  anki(card: C, context: AnkiContext): AnkiNote;
}
